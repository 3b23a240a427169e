/**
 * The primitives the protocol needs. The box implements it on Espruino's native SHA256/AES (or a pure-JS
 * fallback), the cloud and tests on @noble (see node.ts). AES is AES-256-CBC WITHOUT padding: every input is a
 * whole number of 16-byte blocks, because Espruino's CBC pads nothing and the protocol sizes plaintexts to fit.
 */
export interface Crypto {
  sha256(data: Uint8Array): Uint8Array;
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
  aes256CbcEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
  aes256CbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
  randomBytes(length: number): Uint8Array;
}
