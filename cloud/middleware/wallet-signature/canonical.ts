import { createHash, createHmac } from 'node:crypto';

/** Names of the signing headers; docs/wallet-api.md describes the scheme. */
export const SIGNATURE_HEADERS = {
  keyId: 'waygo-key-id',
  timestamp: 'waygo-timestamp',
  nonce: 'waygo-nonce',
  digest: 'waygo-content-sha256',
  signature: 'waygo-signature',
} as const;

/** A version label first, so a signature over this string can never be confused with another scheme's. */
export const SCHEME = 'WG-WALLET-HMAC-SHA256-V1';

export function bodyDigest(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

export interface CanonicalParts {
  method: string;
  /** Path with its query string, exactly as sent. */
  path: string;
  timestamp: string;
  nonce: string;
  digest: string;
}

export function canonicalString({ method, path, timestamp, nonce, digest }: CanonicalParts): string {
  return [SCHEME, method.toUpperCase(), path, timestamp, nonce, digest].join('\n');
}

/** Lower-case hex HMAC-SHA256 of the canonical string. */
export function requestSignature(key: Uint8Array, parts: CanonicalParts): string {
  return createHmac('sha256', key).update(canonicalString(parts)).digest('hex');
}
