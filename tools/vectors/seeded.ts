// Deterministic inputs for the golden vectors: every key, IV and nonce is SHA-256 of a fixed public seed string
// and a label, so anyone can regenerate the same files and no vector key is ever a real secret.
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex, utf8Encode } from '../../shared/bytes/index.ts';
import { deriveBoxKeys } from '../../shared/protocol/keys.ts';
import type { BoxKeys, Fields } from '../../shared/protocol/index.ts';

export const SEED = 'WayGo public test vectors v1 (not a secret)';

export function seeded(label: string, length: number): Uint8Array {
  if (length > 32) throw new RangeError('seeded() gives at most 32 bytes');
  return sha256(utf8Encode(SEED + '/' + label)).slice(0, length);
}

export const master = seeded('master', 32);
export const boxId = seeded('boxId', 8);
export const otherBoxId = seeded('otherBoxId', 8);
export const keys: BoxKeys = deriveBoxKeys(master, boxId, 1);
export const nextKeys: BoxKeys = deriveBoxKeys(master, boxId, 2);
export const otherBoxKeys: BoxKeys = deriveBoxKeys(master, otherBoxId, 1);

export type JsonFields = Record<string, number | string>;

/** Fields as JSON: byte fields become lower-case hex strings, numbers stay numbers. */
export function fieldsToJson(fields: Fields): JsonFields {
  const out: JsonFields = {};
  for (const name of Object.keys(fields)) {
    const value = fields[name]!;
    out[name] = typeof value === 'number' ? value : toHex(value);
  }
  return out;
}
