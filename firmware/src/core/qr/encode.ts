import { MAX_VERSION, byteCapacity, codewords } from './codewords.ts';
import { buildMatrix } from './matrix.ts';

/** A QR Code symbol: `modules[y * size + x]` is 1 for a dark module, 0 for a light one. No quiet zone. */
export interface QrCode {
  size: number;
  modules: Uint8Array;
}

/**
 * Encodes bytes in byte mode at error correction level L with mask 4, in the smallest of versions 1-6
 * (17-134 bytes; 21-41 modules). Undefined when the bytes do not fit.
 */
export function encodeQr(bytes: Uint8Array): QrCode | undefined {
  let version = 1;
  while (bytes.length > byteCapacity(version)) if (++version > MAX_VERSION) return undefined;
  return { size: 17 + 4 * version, modules: buildMatrix(version, codewords(bytes, version)) };
}
