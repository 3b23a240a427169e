import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BoardData } from '../../firmware/src/core/board.ts';

/** One Storage file of a board's build, as the flash tool writes it. */
export interface BoardFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * The Storage files a board's build puts on the box (docs/firmware-build.md, "Files on the box"): today only
 * `.bootcde`, the pretokenised bundle. The key file and the log are the box's own and are not part of a build.
 */
export async function boardFiles(buildDir: string, board: BoardData): Promise<BoardFile[]> {
  const code = await readFile(join(buildDir, board.id, 'firmware.min.js'));
  return [{ name: '.bootcde', bytes: new Uint8Array(code) }];
}
