import type { BoardData } from '../../firmware/src/core/board.ts';
import { boardFiles } from '../build/index.ts';
import { FlashError } from './errors.ts';
import type { StorageFile } from './upload-code.ts';

/** The Storage files a built board consists of (the build's own list); FlashError `not_built` before a build. */
export async function firmwareFiles(board: BoardData, buildDir: string): Promise<StorageFile[]> {
  try {
    return await boardFiles(buildDir, board);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    throw new FlashError('not_built', `${board.id} is not built in ${buildDir}: run waygo build --board ${board.id} first`);
  }
}
