import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BoardData } from '../../firmware/src/core/board.ts';
import { FlashError } from './errors.ts';
import type { StorageFile } from './upload-code.ts';

/** The Storage files a built board consists of: the pretokenised bundle as `.bootcde`. */
export function firmwareFiles(board: BoardData, buildDir: string): StorageFile[] {
  const path = join(buildDir, board.id, 'firmware.min.js');
  if (!existsSync(path)) throw new FlashError('not_built', `${path} is missing: run waygo build --board ${board.id} first`);
  return [{ name: '.bootcde', bytes: new Uint8Array(readFileSync(path)) }];
}
