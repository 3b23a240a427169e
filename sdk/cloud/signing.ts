// The wallet side of docs/wallet-api.md "Request signing", on @noble/hashes so it runs in browsers and Node alike.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { toHex } from '../../shared/bytes/hex.ts';
import { utf8Encode } from '../../shared/bytes/utf8.ts';

export const SCHEME = 'WG-WALLET-HMAC-SHA256-V1';

export interface WalletCredentials {
  /** `wa_…`, sent with every request. */
  keyId: string;
  /** The 32-byte signing key as the operator handed it over (base64url). */
  signingKey: string;
}

export interface SignParts {
  method: string;
  /** Path with its query string, exactly as sent. */
  path: string;
  body: string;
  /** Unix seconds. */
  timestamp: number;
  nonce: string;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function fromBase64Url(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = B64URL.indexOf(char);
    if (index < 0) throw new RangeError('the signing key is not base64url');
    value = (value << 6) | index;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 0xff);
    }
  }
  return new Uint8Array(out);
}

/** A nonce of 32 characters from the platform's CSPRNG (crypto.getRandomValues). */
export function freshNonce(): string {
  return toHex(randomBytes(16));
}

/** The five signing headers for one request. */
export function signRequest(key: Uint8Array, keyId: string, parts: SignParts): Record<string, string> {
  const digest = toHex(sha256(utf8Encode(parts.body)));
  const canonical = [SCHEME, parts.method.toUpperCase(), parts.path, String(parts.timestamp), parts.nonce, digest].join('\n');
  return {
    'waygo-key-id': keyId,
    'waygo-timestamp': String(parts.timestamp),
    'waygo-nonce': parts.nonce,
    'waygo-content-sha256': digest,
    'waygo-signature': toHex(hmac(sha256, key, utf8Encode(canonical))),
  };
}
