// Shared by the log tests: a Puck.js-like Storage with code, keys and config before the log, and records.
import { Flash, EspruinoStorage, STORAGE_BYTES } from '../../../../tools/simulator/storage.ts';
import { openLog, type Log, type LogFields } from '../../../../firmware/src/core/log/index.ts';
import { nodeCrypto } from '../../../../shared/crypto/node.ts';

export const keys = { macKey: new Uint8Array(32).fill(0x5a), boxId: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) };

export function txn(n: number): Uint8Array {
  const id = new Uint8Array(8);
  for (let i = 0; i < 4; i++) id[7 - i] = (n >>> (8 * i)) & 0xff;
  id[0] = 0xab;
  return id;
}

export function fields(n: number): LogFields {
  return { time: 1_700_000_000 + n, txnId: txn(n), walletId: 42, amount: 100 + n, currency: 978, scenario: 1, result: n % 4 };
}

export function boardStorage(codeBytes = 14_210): EspruinoStorage {
  const storage = new EspruinoStorage(new Flash({ size: STORAGE_BYTES.puckjs }));
  storage.write('.bootcde', 'c'.repeat(codeBytes));
  storage.write('waygo.keys', new Uint8Array(106).fill(1));
  storage.write('waygo.boots', new Uint8Array(4), 0, 254);
  return storage;
}

export interface Shape {
  segments: number;
  recordsPerSegment: number;
}

export function open(storage: EspruinoStorage, shape: Shape): Log {
  return openLog({ storage, crypto: nodeCrypto, keys, segments: shape.segments, recordsPerSegment: shape.recordsPerSegment });
}

/** Appends records numbered from..to-1 (maintain after each, as the box does when idle); returns the seqs. */
export function appendAll(log: Log, from: number, to: number): number[] {
  const seqs: number[] = [];
  for (let n = from; n < to; n++) {
    seqs.push(log.append(fields(n)));
    log.maintain();
  }
  return seqs;
}
