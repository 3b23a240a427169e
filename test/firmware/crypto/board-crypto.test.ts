import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cbc } from '@noble/ciphers/aes.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { toHex, utf8Encode } from '../../../shared/bytes/index.ts';
import { createBoardCrypto, type NativeCrypto } from '../../../firmware/src/boards/espruino/crypto.ts';
import { aes256CbcDecrypt, aes256CbcEncrypt, sha256, type CryptoError } from '../../../firmware/src/crypto/index.ts';

const key = new Uint8Array(32).fill(7);
const iv = new Uint8Array(16).fill(9);
const data = new Uint8Array(48).fill(1);
const jsFallbacks = { sha256, aes256CbcEncrypt, aes256CbcDecrypt };

// A stand-in for Espruino's crypto module that records calls; `broken` imitates its "ERROR: …" + undefined result.
function fakeNative(broken = false) {
  const calls: string[] = [];
  const options: { mode: string; iv: Uint8Array }[] = [];
  const aes = (decrypt: boolean) => (d: Uint8Array, k: Uint8Array, o: { mode: string; iv: Uint8Array }) => {
    calls.push(decrypt ? 'AES.decrypt' : 'AES.encrypt');
    options.push(o);
    if (broken) return undefined;
    const c = cbc(k, o.iv, { disablePadding: true });
    return (decrypt ? c.decrypt(d) : c.encrypt(d)).buffer as ArrayBuffer;
  };
  const native: NativeCrypto = {
    SHA256(d) {
      calls.push('SHA256');
      return nobleSha256(d).buffer as ArrayBuffer;
    },
    AES: { encrypt: aes(false), decrypt: aes(true) },
  };
  return { native, calls, options };
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    return (err as CryptoError).code;
  }
  return 'no error';
}

const test = suite('createBoardCrypto');

test('uses native SHA256 and AES on a board that has both (Puck.js) and passes CBC with the IV', () => {
  const fake = fakeNative();
  const crypto = createBoardCrypto({ aes: true, sha256: true }, {}, fake.native, () => 0);
  assert.is(toHex(crypto.sha256(utf8Encode('abc'))), toHex(nobleSha256(utf8Encode('abc'))));
  const sealed = crypto.aes256CbcEncrypt(key, iv, data);
  assert.ok(sealed instanceof Uint8Array);
  assert.is(toHex(crypto.aes256CbcDecrypt(key, iv, sealed)), toHex(data));
  assert.equal(fake.calls, ['SHA256', 'AES.encrypt', 'AES.decrypt']);
  assert.is(fake.options[0]!.mode, 'CBC');
  assert.is(fake.options[0]!.iv, iv);
});

test('prefers native over a fallback the board does not need', () => {
  const fake = fakeNative();
  const crypto = createBoardCrypto({ aes: true, sha256: true }, jsFallbacks, fake.native, () => 0);
  crypto.sha256(data);
  crypto.aes256CbcEncrypt(key, iv, data);
  assert.equal(fake.calls, ['SHA256', 'AES.encrypt']);
});

test('uses native SHA256 but the JS AES on a board without AES (MDBT42Q)', () => {
  const fake = fakeNative();
  const crypto = createBoardCrypto({ aes: false, sha256: true }, { aes256CbcEncrypt, aes256CbcDecrypt }, { SHA256: fake.native.SHA256 }, () => 0);
  const sealed = crypto.aes256CbcEncrypt(key, iv, data);
  assert.is(toHex(sealed), toHex(cbc(key, iv, { disablePadding: true }).encrypt(data)));
  assert.is(toHex(crypto.aes256CbcDecrypt(key, iv, sealed)), toHex(data));
  crypto.sha256(data);
  assert.equal(fake.calls, ['SHA256']);
});

test('uses only JS code on a board with neither (Pixl.js), HMAC included', () => {
  const crypto = createBoardCrypto({ aes: false, sha256: false }, jsFallbacks, {}, () => 0);
  assert.is(toHex(crypto.hmacSha256(key, data)), toHex(hmac(nobleSha256, key, data)));
  assert.is(toHex(crypto.aes256CbcDecrypt(key, iv, crypto.aes256CbcEncrypt(key, iv, data))), toHex(data));
});

test('builds HMAC on the native SHA256 where there is one', () => {
  const fake = fakeNative();
  const crypto = createBoardCrypto({ aes: true, sha256: true }, {}, fake.native, () => 0);
  assert.is(toHex(crypto.hmacSha256(key, data)), toHex(hmac(nobleSha256, key, data)));
  assert.equal(fake.calls, ['SHA256', 'SHA256']);
});

test('throws native_failed when native AES returns undefined instead of a result', () => {
  const crypto = createBoardCrypto({ aes: true, sha256: true }, {}, fakeNative(true).native, () => 0);
  assert.is(failure(() => crypto.aes256CbcEncrypt(key, iv, data)), 'native_failed');
  assert.is(failure(() => crypto.aes256CbcDecrypt(key, iv, data)), 'native_failed');
});

test('refuses a non-block-multiple input before calling native AES', () => {
  const fake = fakeNative();
  const crypto = createBoardCrypto({ aes: true, sha256: true }, {}, fake.native, () => 0);
  assert.is(failure(() => crypto.aes256CbcEncrypt(key, iv, new Uint8Array(20))), 'bad_input');
  assert.equal(fake.calls, []);
});

test('refuses to build when a primitive is neither native nor supplied', () => {
  assert.is(failure(() => createBoardCrypto({ aes: false, sha256: true }, {}, fakeNative().native, () => 0)), 'missing');
  assert.is(failure(() => createBoardCrypto({ aes: false, sha256: false }, { aes256CbcEncrypt, aes256CbcDecrypt }, {}, () => 0)), 'missing');
});

test('draws random bytes from the 32-bit hardware RNG, four bytes per call, low byte first', () => {
  const words = [0x04030201, -0x77665545];
  let calls = 0;
  const crypto = createBoardCrypto({ aes: false, sha256: false }, jsFallbacks, {}, () => words[calls++]!);
  assert.equal([...crypto.randomBytes(6)], [1, 2, 3, 4, 0xbb, 0xaa]);
  assert.is(calls, 2);
  assert.is(crypto.randomBytes(0).length, 0);
});

test.run();
