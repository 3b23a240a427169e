// Bundle entry run on the Espruino interpreter by espruino.test.ts (never imported by Node tests): checks the
// pure-JS SHA-256 and AES-256-CBC against the FIPS / SP 800-38A vectors and the interpreter's native crypto,
// then prints timings and JsVar usage. Ends with "crypto-espruino: N passed, N failed".
import { fromHex, toHex, utf8Encode } from '../../../shared/bytes/index.ts';
import { aes256CbcDecrypt, aes256CbcEncrypt, sha256 } from '../../../firmware/src/crypto/index.ts';

declare function getTime(): number;
interface EspruinoCrypto {
  SHA256(data: Uint8Array): ArrayBuffer;
  AES: { encrypt(d: Uint8Array, k: Uint8Array, o: object): ArrayBuffer; decrypt(d: Uint8Array, k: Uint8Array, o: object): ArrayBuffer };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- Espruino's built-in module
const native: EspruinoCrypto = require('crypto');
const usage = () => (process as unknown as { memory(): { usage: number } }).memory().usage;
let passed = 0;
let failed = 0;

function check(name: string, actual: string, expected: string): void {
  if (actual === expected) passed++;
  else {
    failed++;
    console.log('FAIL ' + name + ': ' + actual + ' != ' + expected);
  }
}

function msPer(run: () => void, times: number): string {
  const start = getTime();
  for (let i = 0; i < times; i++) run();
  return ((getTime() - start) * 1000 / times).toFixed(3);
}

const beforeTables = usage();
check('sha256 abc', toHex(sha256(utf8Encode('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
const afterTables = usage();
check('sha256 empty', toHex(sha256(new Uint8Array(0))), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
check('sha256 448-bit', toHex(sha256(utf8Encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');

const key = fromHex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
const iv = fromHex('000102030405060708090a0b0c0d0e0f');
const plain = fromHex('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710');
const cipher = 'f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b';
const beforeBoxes = usage();
check('aes F.2.5', toHex(aes256CbcEncrypt(key, iv, plain)), cipher);
const afterBoxes = usage();
check('aes F.2.6', toHex(aes256CbcDecrypt(key, iv, fromHex(cipher))), toHex(plain));

// Against the interpreter's own SHA256 and AES on inputs derived from a simple generator (every length 0..200).
let seed = 1;
const bytes = (n: number) => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (seed = (seed * 1103515245 + 12345) % 2147483648) >> 16;
  return out;
};
for (let n = 0; n <= 200; n++) {
  const data = bytes(n);
  check('sha256 len ' + n, toHex(sha256(data)), toHex(new Uint8Array(native.SHA256(data))));
}
for (let blocks = 1; blocks <= 6; blocks++) {
  const k = bytes(32);
  const v = bytes(16);
  const data = bytes(blocks * 16);
  const sealed = aes256CbcEncrypt(k, v, data);
  check('aes enc ' + blocks, toHex(sealed), toHex(new Uint8Array(native.AES.encrypt(data, k, { mode: 'CBC', iv: v }))));
  check('aes dec ' + blocks, toHex(aes256CbcDecrypt(k, v, sealed)), toHex(data));
}
let refused = false;
try {
  aes256CbcEncrypt(key, iv, new Uint8Array(17));
} catch (err) {
  refused = (err as { code?: string }).code === 'bad_input';
}
check('aes refuses 17 bytes', String(refused), 'true');

const data64 = bytes(64);
const data48 = bytes(48);
const opts = { mode: 'CBC', iv };
console.log('time sha256 64 B: js ' + msPer(() => sha256(data64), 100) + ' ms, native ' + msPer(() => native.SHA256(data64), 100) + ' ms');
console.log('time aes256cbc encrypt 48 B: js ' + msPer(() => aes256CbcEncrypt(key, iv, data48), 100) + ' ms, native ' + msPer(() => native.AES.encrypt(data48, key, opts), 100) + ' ms');
console.log('time aes256cbc decrypt 48 B: js ' + msPer(() => aes256CbcDecrypt(key, iv, data48), 100) + ' ms, native ' + msPer(() => native.AES.decrypt(data48, key, opts), 100) + ' ms');
console.log('jsvars sha256 tables ' + (afterTables - beforeTables) + ', aes boxes ' + (afterBoxes - beforeBoxes) + ', now ' + usage());
console.log('crypto-espruino: ' + passed + ' passed, ' + failed + ' failed');
