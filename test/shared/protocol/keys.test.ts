import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, toHex, utf8Encode } from '../../../shared/bytes/index.ts';
import { ERR, isProtocolError } from '../../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../../shared/protocol/keys.ts';

const master = new Uint8Array(32).map((_, i) => i);
const boxId = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);

const test = suite('deriveBoxKeys');

test('derives each key with HKDF-SHA256 over label ‖ boxId ‖ keyVersion', () => {
  const keys = deriveBoxKeys(master, boxId, 4);
  const info = concatBytes([utf8Encode('WG1/mac'), boxId, new Uint8Array([4])]);
  assert.is(toHex(keys.macKey), toHex(hkdf(sha256, master, utf8Encode('WayGo box keys v1'), info, 32)));
  assert.is(keys.keyVersion, 4);
  assert.equal(keys.boxId, boxId);
});

test('gives three different keys, different per box and per key version', () => {
  const a = deriveBoxKeys(master, boxId, 1);
  const seen = new Set([a.encKey, a.macKey, a.posKey, deriveBoxKeys(master, boxId, 2).encKey,
    deriveBoxKeys(master, new Uint8Array(8), 1).encKey].map(toHex));
  assert.is(seen.size, 5);
});

test('is deterministic', () => {
  assert.equal(deriveBoxKeys(master, boxId, 1), deriveBoxKeys(master, boxId, 1));
});

test('throws BAD_FIELD for a wrong master, box id or key version', () => {
  const bad = (e: unknown) => isProtocolError(e) && e.code === ERR.BAD_FIELD;
  assert.throws(() => deriveBoxKeys(master.slice(1), boxId, 1), bad);
  assert.throws(() => deriveBoxKeys(master, boxId.slice(1), 1), bad);
  assert.throws(() => deriveBoxKeys(master, boxId, 256), bad);
});

test.run();
