import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import { ERR, KIND, isProtocolError, sealTelegram } from '../../../shared/protocol/index.ts';
import { payment, testKeys as keys } from './fixtures.ts';

const seal = suite('sealTelegram');

seal('makes header + whole blocks + 16-byte MAC, and never sends the IV', () => {
  const iv = nodeCrypto.randomBytes(16);
  const bytes = sealTelegram(nodeCrypto, keys, iv, KIND.PAYMENT, payment(0));
  assert.is(bytes.length, 14 + 48 + 16);
  assert.equal(Array.from(bytes.subarray(0, 4)), [1, 6, 1, KIND.PAYMENT]);
  assert.equal(bytes.subarray(4, 12), keys.boxId);
  assert.equal(Array.from(bytes.subarray(12, 14)), [3, 3]);
  assert.not.ok(Buffer.from(bytes).includes(Buffer.from(iv)));
});

seal('throws for an unknown kind, a bad IV size or missing fields', () => {
  const iv = new Uint8Array(16);
  assert.throws(() => sealTelegram(nodeCrypto, keys, iv, 9, payment(0)), (e: unknown) => isProtocolError(e) && e.code === ERR.UNKNOWN_KIND);
  assert.throws(() => sealTelegram(nodeCrypto, keys, iv.slice(1), KIND.PAYMENT, payment(0)), (e: unknown) => isProtocolError(e) && e.code === ERR.BAD_FIELD);
  assert.throws(() => sealTelegram(nodeCrypto, keys, iv, KIND.CLOCK, payment(0)), (e: unknown) => isProtocolError(e) && e.code === ERR.BAD_FIELD);
});

seal.run();
