// Signs wallet requests the way docs/wallet-api.md describes, for app.request() and for fetch() on a real port,
// with the SDK's own signer (sdk/cloud/signing.ts), so the load tool and the tests sign as a wallet app does.
import { randomBytes } from 'node:crypto';
import { fromBase64Url, signRequest, type WalletCredentials } from '../../sdk/index.ts';

export type { WalletCredentials } from '../../sdk/index.ts';

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
  const signature = signRequest(fromBase64Url(credentials.signingKey), credentials.keyId, {
    method, path, body: text, timestamp: options.timestamp ?? Math.floor(Date.now() / 1000), nonce: options.nonce ?? randomBytes(16).toString('hex'),
  });
  const headers: Record<string, string> = { ...signature, ...options.headers };
  if (text !== '') headers['content-type'] = 'application/json';
  const sent = options.sendBody ?? text;
  return { method, headers, ...(sent === '' ? {} : { body: sent }) };
}
