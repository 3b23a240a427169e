import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { randomBytes } from '@noble/hashes/utils.js';
import { Kek, openSecret, parseKek, sealSecret } from '../../../cloud/crypto/index.ts';
import { CloudError } from '../../../cloud/errors/index.ts';
import { randomKek } from '../fixtures.ts';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof CloudError) return err.code;
    throw err;
  }
  return 'none';
}

const seal = suite('sealSecret');
const kek = randomKek();

seal('round-trips any secret under any context', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), fc.string(), (secret, context) => {
    assert.equal(openSecret(kek, sealSecret(kek, secret, context), context), secret);
  }), { numRuns: 100 });
});

seal('draws a fresh nonce per seal, so sealing the same secret twice gives different blobs', () => {
  const secret = randomBytes(32);
  assert.not.equal(sealSecret(kek, secret, 'c'), sealSecret(kek, secret, 'c'));
});

seal('lays the blob out as format byte, 12-byte nonce, ciphertext and 16-byte tag', () => {
  const blob = sealSecret(kek, randomBytes(32), 'c');
  assert.is(blob.length, 1 + 12 + 32 + 16);
  assert.is(blob[0], 1);
});

seal.run();

const open = suite('openSecret');

open('refuses another context, so a blob moved to another row does not open', () => {
  const blob = sealSecret(kek, randomBytes(32), 'box_keys/0011223344556677/1');
  assert.is(code(() => openSecret(kek, blob, 'box_keys/0011223344556677/2')), 'kek_mismatch');
});

open('refuses a different KEK with a message naming WAYGO_KEK', () => {
  const blob = sealSecret(kek, randomBytes(32), 'c');
  try {
    openSecret(randomKek(), blob, 'c');
    assert.unreachable('opened under another KEK');
  } catch (err) {
    assert.instance(err, CloudError);
    assert.match((err as CloudError).message, /wrong key-encryption key \(WAYGO_KEK\)/);
  }
});

open('refuses any single flipped bit', () => {
  const blob = sealSecret(kek, randomBytes(32), 'c');
  fc.assert(fc.property(fc.integer({ min: 1, max: blob.length * 8 - 1 }), (bit) => {
    const bad = new Uint8Array(blob);
    bad[bit >> 3]! ^= 1 << (bit & 7);
    assert.ok(['kek_mismatch', 'sealed_format'].includes(code(() => openSecret(kek, bad, 'c'))));
  }), { numRuns: 100 });
});

open('refuses a truncated blob or an unknown format byte', () => {
  const blob = sealSecret(kek, randomBytes(32), 'c');
  assert.is(code(() => openSecret(kek, blob.subarray(0, 28), 'c')), 'sealed_format');
  const other = new Uint8Array(blob);
  other[0] = 2;
  assert.is(code(() => openSecret(kek, other, 'c')), 'sealed_format');
});

open.run();

const parse = suite('parseKek');

parse('reads 64 hex digits and 32 bytes of standard or URL-safe base64 as the same key', () => {
  const bytes = randomBytes(32);
  const hex = Buffer.from(bytes).toString('hex');
  assert.equal(parseKek(hex)!.bytes(), bytes);
  assert.equal(parseKek(` ${hex.toUpperCase()}\n`)!.bytes(), bytes);
  assert.equal(parseKek(Buffer.from(bytes).toString('base64'))!.bytes(), bytes);
  assert.equal(parseKek(Buffer.from(bytes).toString('base64url'))!.bytes(), bytes);
});

parse('refuses other lengths and alphabets', () => {
  for (const text of ['', 'ab'.repeat(31), 'ab'.repeat(33), 'zz'.repeat(32), Buffer.from(randomBytes(16)).toString('base64')]) {
    assert.is(parseKek(text), undefined, text);
  }
});

parse('a Kek refuses to be built from anything but 32 bytes', () => {
  assert.throws(() => new Kek(new Uint8Array(31)), /32 bytes/);
});

parse.run();
