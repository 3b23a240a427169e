import { reedSolomon } from './reed-solomon.ts';

// Error correction level L, versions 1-6: EC codewords per block. Version 6 has two equal blocks, 1-5 one.
// Level M would hold a typical ~110-character WayGo payload only from version 7 (45 modules plus version
// information), so L keeps the code within 41 modules, one pixel each, with a quiet zone on the 64-pixel LCD.
const EC_PER_BLOCK = [7, 10, 15, 20, 26, 18];
export const MAX_VERSION = 6;

/** All codewords of a version: the raw data modules (no version information below 7, one alignment pattern from 2) / 8. */
function totalCodewords(version: number): number {
  return ((16 * version + 128) * version + 64 - (version > 1 ? 25 : 0)) >> 3;
}

function blocks(version: number): number {
  return version === 6 ? 2 : 1;
}

/** Data codewords of a version at level L. */
export function dataCodewords(version: number): number {
  return totalCodewords(version) - EC_PER_BLOCK[version - 1]! * blocks(version);
}

/** Byte-mode capacity: the 4-bit mode and 8-bit count (versions 1-9) plus the data must fit. */
export function byteCapacity(version: number): number {
  return dataCodewords(version) - 2;
}

/**
 * The final codeword sequence: byte-mode segment, terminator, pad bytes 0xEC 0x11, split into blocks, each
 * block's EC codewords appended, then data and EC interleaved block by block (ISO/IEC 18004 7.6).
 */
export function codewords(bytes: Uint8Array, version: number): Uint8Array {
  const dataLen = dataCodewords(version);
  const data = new Uint8Array(dataLen);
  // Mode 0100 and the count straddle byte boundaries: every data byte lands split across two codewords.
  data[0] = 0x40 | (bytes.length >> 4);
  let carry = bytes.length & 15;
  for (let i = 0; i < bytes.length; i++) {
    data[i + 1] = (carry << 4) | (bytes[i]! >> 4);
    carry = bytes[i]! & 15;
  }
  // The last nibble is followed by the 4-bit terminator, which fills the byte.
  data[bytes.length + 1] = carry << 4;
  for (let i = bytes.length + 2, pad = 0xec; i < dataLen; i++, pad ^= 0xec ^ 0x11) data[i] = pad;
  const nb = blocks(version);
  const per = dataLen / nb;
  const ecLen = EC_PER_BLOCK[version - 1]!;
  const out = new Uint8Array(totalCodewords(version));
  for (let b = 0; b < nb; b++) {
    const block = data.subarray(b * per, b * per + per);
    const ec = reedSolomon(block, ecLen);
    for (let i = 0; i < per; i++) out[i * nb + b] = block[i]!;
    for (let i = 0; i < ecLen; i++) out[dataLen + i * nb + b] = ec[i]!;
  }
  return out;
}
