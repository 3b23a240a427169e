import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeCrypto } from '../../shared/crypto/node.ts';
import { MSG, encodeMessage } from '../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../shared/protocol/keys.ts';
import { boards } from '../build/index.ts';
import { runBoxOnInterpreter } from '../interpreter/index.ts';
import type { BenchFigure } from './types.ts';

/**
 * JsVars in use on the interpreter named by ESPRUINO (build it with VARIABLES=2630 to mimic a Puck.js): after
 * boot, and after a HELLO and an INFO over the link. Nothing is recorded without an interpreter, and a run that
 * ends OUT OF MEMORY is recorded as -1 so it cannot pass for a figure.
 */
export async function benchFirmwareMemory(root: string, notes: string[]): Promise<BenchFigure[]> {
  const interpreter = process.env.ESPRUINO;
  if (!interpreter) {
    notes.push('firmware JsVars: not measured (set ESPRUINO to a Linux build of the interpreter)');
    return [];
  }
  const dir = await mkdtemp(join(tmpdir(), 'waygo-bench-interpreter-'));
  try {
    const figures: BenchFigure[] = [];
    for (const board of boards) {
      const keys = deriveBoxKeys(nodeCrypto.randomBytes(32), nodeCrypto.randomBytes(8), 1);
      const run = await runBoxOnInterpreter(interpreter, board, join(root, 'build'), keys, [
        encodeMessage(MSG.HELLO_REQUEST, { challenge: nodeCrypto.randomBytes(16) }),
        encodeMessage(MSG.INFO_REQUEST, {}),
      ], join(dir, board.id));
      if (run.outOfMemory) notes.push(`firmware ${board.id}: OUT OF MEMORY on ${interpreter}`);
      figures.push({ key: `firmware.${board.id}.idle_jsvars`, value: run.idleJsVars ?? -1, unit: 'JsVars' });
      figures.push({ key: `firmware.${board.id}.after_hello_jsvars`, value: run.outOfMemory ? -1 : run.afterJsVars ?? -1, unit: 'JsVars' });
    }
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
