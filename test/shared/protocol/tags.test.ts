import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8Encode } from '../../../shared/bytes/index.ts';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import { LABEL, MSG, checkTag, computeTag, encodeMessage, signTag } from '../../../shared/protocol/index.ts';

const key = nodeCrypto.randomBytes(32);
const boxNonce = nodeCrypto.randomBytes(16);
const boxId = nodeCrypto.randomBytes(8);
const context = concatBytes([boxId, boxNonce]);

function auth(walletId: number): Uint8Array {
  return encodeMessage(MSG.AUTH, { walletId, rights: 1, validSeconds: 60, ticket: new Uint8Array(16) });
}

const compute = suite('computeTag');

compute('is HMAC-SHA256(key, label ‖ context ‖ covered bytes) cut to 16 bytes', () => {
  const bytes = auth(5);
  const expected = hmac(sha256, key, concatBytes([utf8Encode(LABEL.TICKET), context, bytes.subarray(2, bytes.length - 16)]));
  assert.equal(computeTag(nodeCrypto, key, LABEL.TICKET, context, bytes, 2), expected.slice(0, 16));
});

compute('separates domains: another label gives another tag', () => {
  const bytes = auth(5);
  assert.not.equal(computeTag(nodeCrypto, key, LABEL.TICKET, context, bytes, 2), computeTag(nodeCrypto, key, LABEL.HELLO, context, bytes, 2));
});

compute.run();

const sign = suite('signTag');

sign('writes the tag over the last 16 bytes and leaves the rest alone', () => {
  const bytes = auth(9);
  const before = bytes.slice(0, bytes.length - 16);
  signTag(nodeCrypto, key, LABEL.TICKET, context, bytes, 2);
  assert.equal(bytes.slice(0, bytes.length - 16), before);
  assert.equal(bytes.slice(bytes.length - 16), computeTag(nodeCrypto, key, LABEL.TICKET, context, bytes, 2));
});

sign.run();

const check = suite('checkTag');

check('accepts a signed message and rejects any single flipped bit', () => {
  const bytes = signTag(nodeCrypto, key, LABEL.TICKET, context, auth(11), 2);
  assert.ok(checkTag(nodeCrypto, key, LABEL.TICKET, context, bytes, 2));
  fc.assert(fc.property(fc.integer({ min: 16, max: bytes.length * 8 - 1 }), (bit) => {
    const copy = bytes.slice();
    copy[bit >> 3]! ^= 1 << (bit & 7);
    assert.not.ok(checkTag(nodeCrypto, key, LABEL.TICKET, context, copy, 2));
  }));
});

check('rejects a ticket made for another connection (other boxNonce)', () => {
  const bytes = signTag(nodeCrypto, key, LABEL.TICKET, context, auth(11), 2);
  const otherContext = concatBytes([boxId, nodeCrypto.randomBytes(16)]);
  assert.not.ok(checkTag(nodeCrypto, key, LABEL.TICKET, otherContext, bytes, 2));
});

check('rejects input too short to hold a tag', () => {
  assert.not.ok(checkTag(nodeCrypto, key, LABEL.RECEIPT, new Uint8Array(0), new Uint8Array(17), 2));
});

check.run();
