import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BoardData } from '../../firmware/src/core/board.ts';

/** One Storage file of a board's build, as the flash tool writes it. */
export interface BoardFile {
  name: string;
  bytes: Uint8Array;
}

const MODULE_SUFFIX = '.min.js';

/** The stored files in `<dir>/modules` (`<name>.min.js`), by name; none when the build has no modules folder. */
async function moduleFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith(MODULE_SUFFIX)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/**
 * The Storage files a board's build puts on the box (docs/firmware-build.md, "Files on the box"): `.bootcde`, the
 * pretokenised boot bundle, then the Storage modules it loads when needed (`modules/<name>.min.js`, stored as
 * `<name>`). The key file and the log are the box's own and are not part of a build.
 */
export async function boardFiles(buildDir: string, board: BoardData): Promise<BoardFile[]> {
  const dir = join(buildDir, board.id);
  const code = await readFile(join(dir, 'firmware.min.js'));
  const files: BoardFile[] = [{ name: '.bootcde', bytes: new Uint8Array(code) }];
  for (const file of await moduleFiles(join(dir, 'modules'))) {
    files.push({ name: file.slice(0, -MODULE_SUFFIX.length), bytes: new Uint8Array(await readFile(join(dir, 'modules', file))) });
  }
  return files;
}
