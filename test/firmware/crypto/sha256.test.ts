import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { toHex, utf8Encode } from '../../../shared/bytes/index.ts';
import { sha256 } from '../../../firmware/src/crypto/index.ts';

const test = suite('sha256');

// FIPS 180-2 appendix B (and the empty message).
test('hashes "abc" to the FIPS 180-2 B.1 digest', () => {
  assert.is(toHex(sha256(utf8Encode('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('hashes the empty message to the known digest', () => {
  assert.is(toHex(sha256(new Uint8Array(0))), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

test('hashes the 448-bit two-block message of FIPS 180-2 B.2', () => {
  const message = utf8Encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq');
  assert.is(toHex(sha256(message)), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
});

test('hashes a million "a" to the FIPS 180-2 B.3 digest', () => {
  assert.is(toHex(sha256(new Uint8Array(1000000).fill(0x61))), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
});

test('agrees with @noble/hashes for any input of 0 to 300 bytes', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
    assert.is(toHex(sha256(data)), toHex(nobleSha256(data)));
  }));
});

test('does not modify its input', () => {
  const data = new Uint8Array([1, 2, 3]);
  sha256(data);
  assert.equal([...data], [1, 2, 3]);
});

test.run();
