// Node-only (cloud, tools, tests): never imported by shared code the box runs; import it by its own path.
import { cbc } from '@noble/ciphers/aes.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import type { Crypto } from './types.ts';

function checkAesInput(key: Uint8Array, iv: Uint8Array, data: Uint8Array): void {
  if (key.length !== 32) throw new RangeError('AES-256 needs a 32-byte key');
  if (iv.length !== 16) throw new RangeError('CBC needs a 16-byte IV');
  if (data.length % 16 !== 0) throw new RangeError('unpadded CBC needs whole 16-byte blocks');
}

export const nodeCrypto: Crypto = {
  sha256: (data) => sha256(data),
  hmacSha256: (key, data) => hmac(sha256, key, data),
  aes256CbcEncrypt(key, iv, data) {
    checkAesInput(key, iv, data);
    return cbc(key, iv, { disablePadding: true }).encrypt(data);
  },
  aes256CbcDecrypt(key, iv, data) {
    checkAesInput(key, iv, data);
    return cbc(key, iv, { disablePadding: true }).decrypt(data);
  },
  randomBytes: (length) => randomBytes(length),
};
