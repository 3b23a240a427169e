import { fileURLToPath } from 'node:url';
import type { BoardData } from '../../firmware/src/core/board.ts';
import { board as mdbt42q } from '../../firmware/src/boards/mdbt42q/board.ts';
import { board as pixljs } from '../../firmware/src/boards/pixljs/board.ts';
import { board as puckjs } from '../../firmware/src/boards/puckjs/board.ts';

/** Rarely used code built as its own Storage file, loaded with `require(name)` only when needed. */
export interface ModuleTarget {
  /** The Storage file name, `waygo.m.<module>` (firmware/src/boards/espruino/load.ts). */
  name: string;
  /** Absolute path of firmware/src/modules/<module>.ts. */
  entry: string;
}

export interface BuildTarget {
  board: BoardData;
  /** Absolute path of firmware/src/boards/<id>/main.ts. */
  entry: string;
  modules: ModuleTarget[];
}

export const boards: readonly BoardData[] = [puckjs, pixljs, mdbt42q];

/**
 * Modules compiled into the Espruino firmware of these boards. Bundling leaves `require()` of them alone,
 * and the Espruino tools are told they are built in, so they never try to download them.
 */
export const espruinoModules: readonly string[] = ['Flash', 'Storage', 'heatshrink', 'crypto'];

/** Per board, the firmware modules its boot bundle loads: every box checks configurations, only the Pixl.js draws a QR code. */
const boardModules: Record<string, string[]> = { puckjs: ['config'], pixljs: ['config', 'qr'], mdbt42q: ['config'] };

function source(path: string): string {
  return fileURLToPath(new URL(`../../firmware/src/${path}`, import.meta.url));
}

export function buildTarget(board: BoardData): BuildTarget {
  const modules = (boardModules[board.id] ?? []).map((m) => ({ name: `waygo.m.${m}`, entry: source(`modules/${m}.ts`) }));
  return { board, entry: source(`boards/${board.id}/main.ts`), modules };
}

export function findBoard(id: string): BoardData | undefined {
  return boards.find((b) => b.id === id);
}
