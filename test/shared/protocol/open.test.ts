import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import { ERR, KIND, KIND_LAYOUTS, emptyIvSlot, issueIv, openTelegram, sealTelegram } from '../../../shared/protocol/index.ts';
import { fieldsArbitrary, payment, slotWith, testKeys as keys } from './fixtures.ts';

const kinds = Object.values(KIND);

const open = suite('openTelegram');

open('opens what sealTelegram made, for any fields of every kind', () => {
  for (const kind of kinds) {
    fc.assert(fc.property(fieldsArbitrary(KIND_LAYOUTS[kind]!), fc.uint8Array({ minLength: 16, maxLength: 16 }), (fields, iv) => {
      const bytes = sealTelegram(nodeCrypto, keys, iv, kind, fields);
      assert.equal(openTelegram(nodeCrypto, keys, slotWith(iv), bytes, 0, 0), { ok: true, kind, fields });
    }), { numRuns: 25 });
  }
});

open('rejects any single flipped bit', () => {
  const iv = new Uint8Array(16).fill(9);
  const bytes = sealTelegram(nodeCrypto, keys, iv, KIND.PAYMENT, payment(0));
  fc.assert(fc.property(fc.integer({ min: 0, max: bytes.length * 8 - 1 }), (bit) => {
    const copy = bytes.slice();
    copy[bit >> 3]! ^= 1 << (bit & 7);
    assert.not.ok(openTelegram(nodeCrypto, keys, slotWith(iv), copy, 0, 0).ok);
  }), { numRuns: 300 });
});

open('consumes the IV on every attempt, even a malformed one', () => {
  const slot = emptyIvSlot();
  const iv = issueIv(nodeCrypto, slot, 0, 5);
  const bytes = sealTelegram(nodeCrypto, keys, iv, KIND.PAYMENT, payment(0));
  assert.equal(openTelegram(nodeCrypto, keys, slot, new Uint8Array(1), 1, 0), { ok: false, code: ERR.BAD_LENGTH });
  assert.equal(openTelegram(nodeCrypto, keys, slot, bytes, 1, 0), { ok: false, code: ERR.NO_IV });
});

open('refuses a telegram after its IV lifetime', () => {
  const slot = emptyIvSlot();
  const iv = issueIv(nodeCrypto, slot, 1000, 5);
  const bytes = sealTelegram(nodeCrypto, keys, iv, KIND.PAYMENT, payment(0));
  assert.equal(openTelegram(nodeCrypto, keys, slot, bytes, 6000, 0), { ok: false, code: ERR.IV_EXPIRED });
});

open('checks expiry only when the box clock is set and the telegram has one', () => {
  const iv = new Uint8Array(16);
  const bytes = sealTelegram(nodeCrypto, keys, iv, KIND.PAYMENT, payment(500));
  assert.equal(openTelegram(nodeCrypto, keys, slotWith(iv), bytes, 0, 501), { ok: false, code: ERR.EXPIRED });
  assert.ok(openTelegram(nodeCrypto, keys, slotWith(iv), bytes, 0, 500).ok);
  assert.ok(openTelegram(nodeCrypto, keys, slotWith(iv), bytes, 0, 0).ok);
  const never = sealTelegram(nodeCrypto, keys, iv, KIND.PAYMENT, payment(0));
  assert.ok(openTelegram(nodeCrypto, keys, slotWith(iv), never, 0, 4e9).ok);
});

open('never throws on random bytes and always empties the slot', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, shaped) => {
    if (shaped && bytes.length >= 14) {
      bytes.set([1, 6, 1, 1], 0);
      bytes.set(keys.boxId, 4);
      bytes[12] = keys.keyVersion;
    }
    const slot = slotWith(new Uint8Array(16));
    const result = openTelegram(nodeCrypto, keys, slot, bytes, 0, 0);
    assert.not.ok(result.ok);
    assert.is(slot.iv, undefined);
  }), { numRuns: 1000 });
});

open.run();
