// Signs wallet requests the way docs/wallet-api.md describes, for app.request() and for fetch() on a real port.
import { randomBytes } from 'node:crypto';
import { bodyDigest, requestSignature } from '../../cloud/middleware/wallet-signature/index.ts';

export interface WalletCredentials {
  keyId: string;
  /** base64url, as createWalletApp returned it. */
  signingKey: string;
}

export interface SignOptions {
  /** Unix seconds; defaults to the real clock. */
  timestamp?: number;
  nonce?: string;
  headers?: Record<string, string>;
  /** Sign this body but send another (tampering tests). */
  sendBody?: string;
}

/** A RequestInit for `method path` with the JSON `body` (a value, or raw text), signed with `credentials`. */
export function signed(credentials: WalletCredentials, method: string, path: string, body?: unknown, options: SignOptions = {}): RequestInit {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? randomBytes(16).toString('hex');
  const digest = bodyDigest(text);
  const key = Buffer.from(credentials.signingKey, 'base64url');
  const signature = requestSignature(key, { method, path, timestamp, nonce, digest });
  const headers: Record<string, string> = {
    'waygo-key-id': credentials.keyId, 'waygo-timestamp': timestamp, 'waygo-nonce': nonce,
    'waygo-content-sha256': digest, 'waygo-signature': signature, ...options.headers,
  };
  if (text !== '') headers['content-type'] = 'application/json';
  const sent = options.sendBody ?? text;
  return { method, headers, ...(sent === '' ? {} : { body: sent }) };
}
