import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { cbc } from '@noble/ciphers/aes.js';
import { fromHex, toHex } from '../../../shared/bytes/index.ts';
import { aes256CbcDecrypt, aes256CbcEncrypt, type CryptoError } from '../../../firmware/src/crypto/index.ts';

// NIST SP 800-38A F.2.5 (CBC-AES256.Encrypt) and F.2.6 (CBC-AES256.Decrypt): same key, IV and blocks.
const key = fromHex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
const iv = fromHex('000102030405060708090a0b0c0d0e0f');
const plaintext = fromHex(
  '6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710',
);
const ciphertext = fromHex(
  'f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b',
);

const blocks = fc.integer({ min: 0, max: 8 }).chain((n) => fc.uint8Array({ minLength: n * 16, maxLength: n * 16 }));
const key32 = fc.uint8Array({ minLength: 32, maxLength: 32 });
const iv16 = fc.uint8Array({ minLength: 16, maxLength: 16 });

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    return (err as CryptoError).code;
  }
  return 'accepted';
}

const encrypt = suite('aes256CbcEncrypt');

encrypt('encrypts the SP 800-38A F.2.5 vector', () => {
  assert.is(toHex(aes256CbcEncrypt(key, iv, plaintext)), toHex(ciphertext));
});

encrypt('agrees with @noble/ciphers CBC without padding for any key, IV and block count', () => {
  fc.assert(fc.property(key32, iv16, blocks, (k, v, data) => {
    assert.is(toHex(aes256CbcEncrypt(k, v, data)), toHex(cbc(k, v, { disablePadding: true }).encrypt(data)));
  }));
});

encrypt('refuses data that is not whole 16-byte blocks, and wrong key or IV sizes, with code bad_input', () => {
  assert.is(refusal(() => aes256CbcEncrypt(key, iv, new Uint8Array(17))), 'bad_input');
  assert.is(refusal(() => aes256CbcEncrypt(key.subarray(0, 16), iv, new Uint8Array(16))), 'bad_input');
  assert.is(refusal(() => aes256CbcEncrypt(key, iv.subarray(0, 8), new Uint8Array(16))), 'bad_input');
});

encrypt('leaves key, IV and data untouched', () => {
  const data = plaintext.slice();
  aes256CbcEncrypt(key, iv, data);
  assert.is(toHex(data), toHex(plaintext));
  assert.is(toHex(iv), '000102030405060708090a0b0c0d0e0f');
});

encrypt.run();

const decrypt = suite('aes256CbcDecrypt');

decrypt('decrypts the SP 800-38A F.2.6 vector', () => {
  assert.is(toHex(aes256CbcDecrypt(key, iv, ciphertext)), toHex(plaintext));
});

decrypt('agrees with @noble/ciphers CBC without padding for any key, IV and block count', () => {
  fc.assert(fc.property(key32, iv16, blocks, (k, v, data) => {
    assert.is(toHex(aes256CbcDecrypt(k, v, data)), toHex(cbc(k, v, { disablePadding: true }).decrypt(data)));
  }));
});

decrypt('inverts encryption for any key, IV and block count', () => {
  fc.assert(fc.property(key32, iv16, blocks, (k, v, data) => {
    assert.is(toHex(aes256CbcDecrypt(k, v, aes256CbcEncrypt(k, v, data))), toHex(data));
  }));
});

decrypt('refuses data that is not whole 16-byte blocks with code bad_input', () => {
  assert.is(refusal(() => aes256CbcDecrypt(key, iv, new Uint8Array(33))), 'bad_input');
});

decrypt.run();
