import { fileURLToPath } from 'node:url';
import type { BoardData } from '../../firmware/src/core/board.ts';
import { board as mdbt42q } from '../../firmware/src/boards/mdbt42q/board.ts';
import { board as pixljs } from '../../firmware/src/boards/pixljs/board.ts';
import { board as puckjs } from '../../firmware/src/boards/puckjs/board.ts';

export interface BuildTarget {
  board: BoardData;
  /** Absolute path of firmware/src/boards/<id>/main.ts. */
  entry: string;
}

export const boards: readonly BoardData[] = [puckjs, pixljs, mdbt42q];

/**
 * Modules compiled into the Espruino firmware of these boards. Bundling leaves `require()` of them alone,
 * and the Espruino tools are told they are built in, so they never try to download them.
 */
export const espruinoModules: readonly string[] = ['Flash', 'Storage', 'heatshrink', 'crypto'];

export function buildTarget(board: BoardData): BuildTarget {
  return { board, entry: fileURLToPath(new URL(`../../firmware/src/boards/${board.id}/main.ts`, import.meta.url)) };
}

export function findBoard(id: string): BoardData | undefined {
  return boards.find((b) => b.id === id);
}
