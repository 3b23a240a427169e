import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeCrypto } from '../../shared/crypto/node.ts';
import { MSG, decodeMessage } from '../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../shared/protocol/keys.ts';
import { boards } from '../build/index.ts';
import { PINNED_RANDOM_BYTE, paymentVisit, runBoxOnInterpreter } from '../interpreter/index.ts';
import type { BenchFigure } from './types.ts';

/** Which board's run gives the verify time of each crypto set: native AES + SHA256, and pure JS for both. */
const VERIFY_BOARD: Record<string, string> = { puckjs: 'firmware.verify_us_native', pixljs: 'firmware.verify_us_purejs' };

// Three payments, so the verify time is the fastest of three (the machines are shared).
const PAYMENTS = 3;

function receiptsOk(replies: Uint8Array[]): boolean {
  const receipts = replies.map((r) => decodeMessage(r)).filter((d) => d.ok && d.type === MSG.RECEIPT);
  return receipts.length === 2 + PAYMENTS && receipts.every((d) => d.ok && d.fields.status === 0);
}

/** ESPRUINO_PIXLJS: an interpreter with the Pixl.js's own 2,950 JsVars for that board (docs/firmware-build.md). */
function interpreterFor(board: string): string | undefined {
  return board === 'pixljs' ? process.env.ESPRUINO_PIXLJS : undefined;
}

/**
 * JsVars on the interpreter named by ESPRUINO (a fixed 2,630-JsVar build mimics a Puck.js; ESPRUINO_PIXLJS, if
 * set, is used for the Pixl.js) during a whole
 * wallet visit ending in a payment (tools/interpreter/visit.ts): after boot, and the most at any reply. The
 * PAYMENT's handling time (open, verify, start the output; the fastest of three) is read beside a 64-byte JS loop
 * and a native SHA256 timed in the same run. Nothing is recorded without an interpreter; a run that ends OUT OF MEMORY or without
 * an OK receipt for every telegram records -1 so it cannot pass for a figure.
 */
export async function benchFirmwareMemory(root: string, notes: string[]): Promise<BenchFigure[]> {
  const interpreter = process.env.ESPRUINO;
  if (!interpreter) {
    notes.push('firmware JsVars and verify times: not measured (set ESPRUINO to a Linux build of the interpreter)');
    return [];
  }
  const dir = await mkdtemp(join(tmpdir(), 'waygo-bench-interpreter-'));
  try {
    const figures: BenchFigure[] = [];
    for (const board of boards) {
      const keys = deriveBoxKeys(nodeCrypto.randomBytes(32), nodeCrypto.randomBytes(8), 1);
      const use = interpreterFor(board.id) ?? interpreter;
      const run = await runBoxOnInterpreter(use, board, join(root, 'build'), keys, paymentVisit(keys, PAYMENTS), join(dir, board.id), {
        pinnedRandomByte: PINNED_RANDOM_BYTE,
      });
      const paid = !run.outOfMemory && receiptsOk(run.replies);
      if (run.outOfMemory) notes.push(`firmware ${board.id}: OUT OF MEMORY on ${use}`);
      else if (!paid) notes.push(`firmware ${board.id}: the payment visit did not end with an OK receipt for every telegram`);
      figures.push({ key: `firmware.${board.id}.idle_jsvars`, value: run.idleJsVars ?? -1, unit: 'JsVars' });
      figures.push({ key: `firmware.${board.id}.peak_jsvars`, value: paid ? run.peakJsVars ?? -1 : -1, unit: 'JsVars' });
      const verifyKey = VERIFY_BOARD[board.id];
      // The steps end with IV_REQUEST, PAYMENT pairs.
      const payments = run.stepMicros.filter((_, i) => i >= run.stepMicros.length - 2 * PAYMENTS && (run.stepMicros.length - i) % 2 === 1);
      const payment = payments.length === PAYMENTS ? Math.min(...payments) : undefined;
      if (verifyKey === undefined) continue;
      figures.push({ key: verifyKey, value: paid && payment !== undefined ? payment : -1, unit: 'us', baseline: `firmware.${board.id}.loop64_us` });
      figures.push({ key: `firmware.${board.id}.loop64_us`, value: run.loopMicros ?? -1, unit: 'us' });
      figures.push({ key: `firmware.${board.id}.sha256_native_us`, value: run.sha256Micros ?? -1, unit: 'us' });
    }
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
