import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { fromHex, toHex, utf8Encode } from '../../../shared/bytes/index.ts';
import { nodeCrypto } from '../../../shared/crypto/node.ts';

// NIST SP 800-38A, F.2.5 CBC-AES256.Encrypt.
const key = fromHex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
const iv = fromHex('000102030405060708090a0b0c0d0e0f');
const plain = fromHex('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710');
const cipher = 'f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b';

const test = suite('nodeCrypto');

test('encrypts the NIST SP 800-38A CBC-AES256 vector without padding', () => {
  assert.is(toHex(nodeCrypto.aes256CbcEncrypt(key, iv, plain)), cipher);
});

test('decrypts the NIST SP 800-38A CBC-AES256 vector', () => {
  assert.is(toHex(nodeCrypto.aes256CbcDecrypt(key, iv, fromHex(cipher))), toHex(plain));
});

test('round-trips any whole number of blocks', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 8 }), fc.uint8Array({ minLength: 128, maxLength: 128 }), (blocks, bytes) => {
    const data = bytes.slice(0, blocks * 16);
    assert.equal(nodeCrypto.aes256CbcDecrypt(key, iv, nodeCrypto.aes256CbcEncrypt(key, iv, data)), data);
  }), { numRuns: 50 });
});

test('refuses partial blocks and wrong key or IV sizes', () => {
  assert.throws(() => nodeCrypto.aes256CbcEncrypt(key, iv, new Uint8Array(15)), RangeError);
  assert.throws(() => nodeCrypto.aes256CbcEncrypt(key.slice(0, 16), iv, plain), RangeError);
  assert.throws(() => nodeCrypto.aes256CbcDecrypt(key, iv.slice(0, 8), plain), RangeError);
});

test('hashes "abc" to the FIPS 180-2 SHA-256 value', () => {
  assert.is(toHex(nodeCrypto.sha256(utf8Encode('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('returns fresh random bytes of the asked length', () => {
  const a = nodeCrypto.randomBytes(16);
  assert.is(a.length, 16);
  assert.is.not(toHex(a), toHex(nodeCrypto.randomBytes(16)));
});

test.run();
