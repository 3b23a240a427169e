import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { fromHex, toHex, utf8Encode } from '../../../shared/bytes/index.ts';
import { hmacFromSha256 } from '../../../shared/crypto/index.ts';

const hmacSha256 = hmacFromSha256((data) => sha256(data));
const fill = (byte: number, length: number) => new Uint8Array(length).fill(byte);
const counting = new Uint8Array(25).map((_, i) => i + 1);
const bigData = 'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.';

// RFC 4231 test cases 1-4, 6 and 7 (full output) and 5 (truncated to 128 bits, as the protocol truncates).
const RFC4231: [string, Uint8Array, Uint8Array, string][] = [
  ['1', fill(0x0b, 20), utf8Encode('Hi There'), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
  ['2', utf8Encode('Jefe'), utf8Encode('what do ya want for nothing?'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
  ['3', fill(0xaa, 20), fill(0xdd, 50), '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe'],
  ['4', counting, fill(0xcd, 50), '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b'],
  ['5', fill(0x0c, 20), utf8Encode('Test With Truncation'), 'a3b6167473100ee06e0c796c2955552b'],
  ['6', fill(0xaa, 131), utf8Encode('Test Using Larger Than Block-Size Key - Hash Key First'), '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'],
  ['7', fill(0xaa, 131), utf8Encode(bigData), '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2'],
];

const test = suite('hmacFromSha256');

for (const [name, key, data, expected] of RFC4231) {
  test(`matches RFC 4231 test case ${name}`, () => {
    assert.is(toHex(hmacSha256(key, data)).slice(0, expected.length), expected);
  });
}

test('agrees with @noble/hashes hmac for any key and data', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 300 }), (key, data) => {
    assert.is(toHex(hmacSha256(key, data)), toHex(hmac(sha256, key, data)));
  }));
});

test('does not modify its inputs', () => {
  const key = fromHex('0102');
  const data = fromHex('0304');
  hmacSha256(key, data);
  assert.is(toHex(key) + toHex(data), '01020304');
});

test.run();
