// Secrets at rest (box master secrets, wallet signing keys) are sealed with AES-256-GCM under the KEK.
// The associated data names what the blob is for (table, row, key version), so a blob copied onto another
// row or another key version fails to open instead of handing out the wrong box's keys.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CloudError } from '../errors/cloud-error.ts';
import type { Kek } from './kek.ts';

/** Blob layout version, so that a later KEK rotation or cipher change can tell old blobs apart. */
const FORMAT = 1;
const NONCE_SIZE = 12;
const TAG_SIZE = 16;

// Node's own AES-GCM: wallet keys are opened on every signed request, and the native cipher is several times
// faster there than a JavaScript one.

/** FORMAT(1) ‖ nonce(12) ‖ ciphertext ‖ tag(16); the 96-bit nonce is random per seal. */
export function sealSecret(kek: Kek, secret: Uint8Array, context: string): Uint8Array {
  const nonce = randomBytes(NONCE_SIZE);
  const cipher = createCipheriv('aes-256-gcm', kek.bytes(), nonce, { authTagLength: TAG_SIZE }).setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(secret), cipher.final(), cipher.getAuthTag()]);
  const out = new Uint8Array(1 + NONCE_SIZE + body.length);
  out[0] = FORMAT;
  out.set(nonce, 1);
  out.set(body, 1 + NONCE_SIZE);
  return out;
}

export function openSecret(kek: Kek, blob: Uint8Array, context: string): Uint8Array {
  if (blob.length < 1 + NONCE_SIZE + TAG_SIZE || blob[0] !== FORMAT) {
    throw new CloudError('sealed_format', `sealed secret for ${context} has an unknown format`);
  }
  try {
    const body = blob.subarray(1 + NONCE_SIZE);
    const decipher = createDecipheriv('aes-256-gcm', kek.bytes(), blob.subarray(1, 1 + NONCE_SIZE), { authTagLength: TAG_SIZE })
      .setAAD(Buffer.from(context, 'utf8'))
      .setAuthTag(body.subarray(body.length - TAG_SIZE));
    const secret = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_SIZE)), decipher.final()]);
    return new Uint8Array(secret.buffer, secret.byteOffset, secret.length);
  } catch {
    throw new CloudError(
      'kek_mismatch',
      `cannot open the sealed secret for ${context}: wrong key-encryption key (WAYGO_KEK) or an altered record`,
    );
  }
}
