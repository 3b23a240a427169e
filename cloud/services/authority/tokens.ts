import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** `n` random bytes as base64url: session tokens, API key secrets. */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** A row id: a short type prefix and 12 random bytes in hex (`acc_…`, `role_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function hmacBase64url(key: string, message: string): string {
  return createHmac('sha256', key).update(message).digest('base64url');
}

/** Constant-time equality of two strings (their lengths are not secret). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
