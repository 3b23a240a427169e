// Secrets at rest (box master secrets, wallet signing keys) are sealed with AES-256-GCM under the KEK.
// The associated data names what the blob is for (table, row, key version), so a blob copied onto another
// row or another key version fails to open instead of handing out the wrong box's keys.
import { gcm } from '@noble/ciphers/aes.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { CloudError } from '../errors/cloud-error.ts';
import type { Kek } from './kek.ts';

/** Blob layout version, so that a later KEK rotation or cipher change can tell old blobs apart. */
const FORMAT = 1;
const NONCE_SIZE = 12;
const TAG_SIZE = 16;

const encoder = new TextEncoder();

/** FORMAT(1) ‖ nonce(12) ‖ ciphertext ‖ tag(16); the 96-bit nonce is random per seal. */
export function sealSecret(kek: Kek, secret: Uint8Array, context: string): Uint8Array {
  const nonce = randomBytes(NONCE_SIZE);
  const sealed = gcm(kek.bytes(), nonce, encoder.encode(context)).encrypt(secret);
  const out = new Uint8Array(1 + NONCE_SIZE + sealed.length);
  out[0] = FORMAT;
  out.set(nonce, 1);
  out.set(sealed, 1 + NONCE_SIZE);
  return out;
}

export function openSecret(kek: Kek, blob: Uint8Array, context: string): Uint8Array {
  if (blob.length < 1 + NONCE_SIZE + TAG_SIZE || blob[0] !== FORMAT) {
    throw new CloudError('sealed_format', `sealed secret for ${context} has an unknown format`);
  }
  try {
    return gcm(kek.bytes(), blob.subarray(1, 1 + NONCE_SIZE), encoder.encode(context)).decrypt(blob.subarray(1 + NONCE_SIZE));
  } catch {
    throw new CloudError(
      'kek_mismatch',
      `cannot open the sealed secret for ${context}: wrong key-encryption key (WAYGO_KEK) or an altered record`,
    );
  }
}
