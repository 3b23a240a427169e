// AES-256 (FIPS 197) in CBC mode without padding, for boards without native AES. Same contract as Espruino's
// AES: whole 16-byte blocks. Flash is the scarcer resource, so the S-box and its inverse are computed on first
// use rather than shipped as literals (512 bytes of RAM, about 40 JsVars), and there are no T-tables (4 KB).
// The state is four 32-bit column words (row r in bits 8r..8r+7: a little-endian Int32Array view over the
// bytes, as on the nRF52 and x86), so a round is four word expressions rather than 64 byte steps: the
// interpreter's cost is per token evaluated.
import { cryptoError } from './error.ts';

let sbox: Uint8Array | undefined;
let inverse: Uint8Array;

// Multiply each byte of a word by x in GF(2^8).
function x2(w: number): number {
  return ((w & 0x7f7f7f7f) << 1) ^ (((w >>> 7) & 0x01010101) * 0x1b);
}

function rotl8(x: number, n: number): number {
  return ((x << n) | (x >> (8 - n))) & 255;
}

// Walks the multiplicative group with generator 3 (p) and its inverse (q), so q = 1/p, then applies the affine map.
function boxes(): Uint8Array {
  sbox = new Uint8Array(256);
  inverse = new Uint8Array(256);
  let p = 1;
  let q = 1;
  do {
    p ^= x2(p);
    q ^= q << 1;
    q ^= q << 2;
    q ^= q << 4;
    q &= 255;
    if (q & 0x80) q ^= 0x09;
    sbox[p] = q ^ rotl8(q, 1) ^ rotl8(q, 2) ^ rotl8(q, 3) ^ rotl8(q, 4) ^ 0x63;
  } while (p !== 1);
  sbox[0] = 0x63;
  for (let i = 0; i < 256; i++) inverse[sbox[i]!] = i;
  return sbox;
}

// Row r of the result comes from word r's row r: SubWord when all four are the same word, SubBytes+ShiftRows per column.
function substitute(box: Uint8Array, a: number, b: number, c: number, d: number): number {
  return box[a & 255]! | (box[(b >> 8) & 255]! << 8) | (box[(c >> 16) & 255]! << 16) | (box[d >>> 24]! << 24);
}

/** Throws unless the key is 32 bytes, the IV 16 and the data whole 16-byte blocks (native AES only prints an error). */
export function checkAesInput(key: Uint8Array, iv: Uint8Array, data: Uint8Array): void {
  if (key.length !== 32 || iv.length !== 16 || data.length % 16) {
    throw cryptoError('bad_input', 'AES-256-CBC: 32-byte key, 16-byte IV, 16-byte blocks');
  }
}

// 60 round-key words (FIPS 197 5.2 with Nk = 8).
function expandKey(key: Uint8Array, box: Uint8Array): Int32Array {
  const rk = new Int32Array(60);
  new Uint8Array(rk.buffer).set(key);
  let rcon = 1;
  for (let i = 8; i < 60; i++) {
    let w = rk[i - 1]!;
    if (!(i & 3)) {
      if (!(i & 7)) w = (w >>> 8) | (w << 24);
      w = substitute(box, w, w, w, w);
      if (!(i & 7)) {
        w ^= rcon;
        rcon = x2(rcon);
      }
    }
    rk[i] = rk[i - 8]! ^ w;
  }
  return rk;
}

// One block in place. Decryption is the straight inverse cipher; InvMixColumns is MixColumns after multiplying
// by {04}x^2 + {05}, so both directions share the MixColumns step.
function crypt(s: Int32Array, t: Int32Array, rk: Int32Array, decrypt: boolean): void {
  const box = decrypt ? inverse : sbox!;
  const shift = decrypt ? 3 : 1;
  for (let c = 0; c < 4; c++) s[c] = s[c]! ^ rk[(decrypt ? 56 : 0) + c]!;
  for (let k = 1; k < 15; k++) {
    const at = (decrypt ? 14 - k : k) * 4;
    for (let c = 0; c < 4; c++) t[c] = substitute(box, s[c]!, s[(c + shift) & 3]!, s[(c + 2) & 3]!, s[(c + 3 * shift) & 3]!);
    for (let c = 0; c < 4; c++) {
      let w = t[c]! ^ (decrypt ? rk[at + c]! : 0);
      if (k < 14) {
        if (decrypt) w ^= x2(x2(w ^ (w >>> 16) ^ (w << 16)));
        const r = (w >>> 8) | (w << 24);
        const y = w ^ r;
        w = x2(y) ^ r ^ (y >>> 16) ^ (y << 16);
      }
      s[c] = w ^ (decrypt ? 0 : rk[at + c]!);
    }
  }
}

function cbc(key: Uint8Array, iv: Uint8Array, data: Uint8Array, decrypt: boolean): Uint8Array {
  checkAesInput(key, iv, data);
  const rk = expandKey(key, sbox || boxes());
  const out = new Uint8Array(data.length);
  const bytes = new Uint8Array(16);
  const state = new Int32Array(bytes.buffer);
  const t = new Int32Array(4);
  let chain = iv;
  for (let at = 0; at < data.length; at += 16) {
    const block = data.subarray(at, at + 16);
    for (let i = 0; i < 16; i++) bytes[i] = block[i]! ^ (decrypt ? 0 : chain[i]!);
    crypt(state, t, rk, decrypt);
    for (let i = 0; i < 16; i++) out[at + i] = bytes[i]! ^ (decrypt ? chain[i]! : 0);
    chain = decrypt ? block : out.subarray(at, at + 16);
  }
  return out;
}

export function aes256CbcEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  return cbc(key, iv, data, false);
}

export function aes256CbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  return cbc(key, iv, data, true);
}
