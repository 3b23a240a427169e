import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Kek } from '../../crypto/kek.ts';
import type { Executor } from '../../db/open.ts';
import { ApiError } from '../../errors/api-error.ts';
import { loadActiveWalletApp, nonceRecorded, recordNonce } from '../../services/wallet-apps/index.ts';
import type { AppEnv } from '../../types.ts';
import { SIGNATURE_HEADERS as H, bodyDigest, requestSignature } from './canonical.ts';
import { NonceCache } from './nonce-cache.ts';

export { SCHEME, SIGNATURE_HEADERS, bodyDigest, canonicalString, requestSignature } from './canonical.ts';
export type { CanonicalParts } from './canonical.ts';

/** The wallet app a request was signed by, for the routes behind this middleware. */
export interface WalletPrincipal {
  id: string;
  walletId: number;
}

/** The request's nonce, for a route that records it in its own write transaction (`with-writes`). */
export interface RequestNonce {
  /** Records the nonce in `tx`; throws 401 `nonce_reused` (rolling `tx` back) when it was used meanwhile. */
  record(tx: Executor): void;
}

export interface WalletEnv {
  Variables: AppEnv['Variables'] & { wallet: WalletPrincipal; nonce: RequestNonce };
}

/**
 * How a route's nonce is kept (docs/wallet-api.md): `before` commits it alone before the route runs; `with-writes`
 * lets the route commit it with its own writes (and commits it alone afterwards when the route wrote nothing);
 * `memory` holds it in this process only, for read-only routes.
 */
export type NonceMode = 'before' | 'with-writes' | 'memory';

export interface WalletSignatureOptions {
  db: Executor;
  kek: Kek;
  /** Accepted clock difference between the app and the cloud, both ways. */
  windowSeconds?: number;
  now?: () => number;
  /** The mode for a request's method and path (without the query); `before` for all when absent. */
  nonceMode?: (method: string, path: string) => NonceMode;
  /** Read-only nonces held in memory at most; past it they are recorded durably. */
  nonceCacheSize?: number;
}

const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const TIMESTAMP = /^\d{1,12}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;

function refuse(code: string, message: string, param?: string): never {
  throw new ApiError({ status: 401, type: 'authentication_error', code, message, ...(param ? { param } : {}) });
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

const reused = (): never => refuse('nonce_reused', 'this nonce was already used; sign every request with a fresh one', H.nonce);
const noRecord: RequestNonce = { record: () => undefined };

/**
 * Every wallet request carries its key id, a timestamp, a nonce, the SHA-256 of its body and an HMAC over all
 * of them with method and path. The nonce is recorded only after the signature verifies, so nobody without the
 * key can fill the nonce table; it is kept until the timestamp leaves the window, after which the timestamp
 * check alone refuses a replay. Requests in flight are held in memory, so a replay racing the original is refused
 * before either commits.
 */
export function walletSignature(options: WalletSignatureOptions): MiddlewareHandler<WalletEnv> {
  const { db, kek, windowSeconds = 300, now = Date.now, nonceMode = () => 'before', nonceCacheSize = 1_000_000 } = options;
  const inFlight = new Set<string>();
  const cache = new NonceCache(nonceCacheSize);
  return async (c, next) => {
    const header = (name: string) => c.req.header(name)?.trim() ?? '';
    const keyId = header(H.keyId);
    const timestamp = header(H.timestamp);
    const nonce = header(H.nonce);
    const digest = header(H.digest).toLowerCase();
    const signature = header(H.signature).toLowerCase();
    if (!keyId || !timestamp || !nonce || !digest || !signature) {
      refuse('signature_missing', 'sign every wallet request: WayGo-Key-Id, WayGo-Timestamp, WayGo-Nonce, WayGo-Content-SHA256 and WayGo-Signature are required');
    }
    if (!TIMESTAMP.test(timestamp)) refuse('timestamp_invalid', 'WayGo-Timestamp must be Unix seconds', H.timestamp);
    if (!NONCE.test(nonce)) refuse('nonce_invalid', 'WayGo-Nonce must be 16 to 64 characters of A-Z, a-z, 0-9, - or _', H.nonce);
    const at = now();
    if (Math.abs(at - Number(timestamp) * 1000) > windowSeconds * 1000) {
      refuse('timestamp_out_of_window', `WayGo-Timestamp is more than ${windowSeconds} seconds from the server clock`, H.timestamp);
    }
    const app = loadActiveWalletApp(db, kek, keyId);
    if (!app) refuse('key_invalid', 'the key id is unknown or disabled', H.keyId);
    // A GET has no body; reading it would still build a request stream on every resolve.
    const body = c.req.method === 'GET' || c.req.method === 'HEAD' ? '' : await c.req.text();
    if (!HEX_SHA256.test(digest) || !sameHex(digest, bodyDigest(body))) {
      refuse('digest_mismatch', 'WayGo-Content-SHA256 is not the SHA-256 of the body', H.digest);
    }
    const url = new URL(c.req.url);
    const expected = requestSignature(app.signingKey, { method: c.req.method, path: url.pathname + url.search, timestamp, nonce, digest });
    app.signingKey.fill(0);
    if (!sameHex(signature, expected)) refuse('signature_invalid', 'the request signature does not verify', H.signature);
    const key = `${app.id}\n${nonce}`;
    if (inFlight.has(key) || cache.has(key, at)) reused();
    const expiresAt = (Number(timestamp) + windowSeconds) * 1000;
    c.set('wallet', { id: app.id, walletId: app.walletId });
    const mode = nonceMode(c.req.method, url.pathname);
    if (mode === 'memory') {
      if (nonceRecorded(db, app.id, nonce, at)) reused();
      if (cache.add(key, expiresAt, at)) {
        c.set('nonce', noRecord);
        return next();
      }
    }
    if (mode !== 'with-writes') {
      if (!recordNonce(db, app.id, nonce, expiresAt, at)) reused();
      c.set('nonce', noRecord);
      return next();
    }
    if (nonceRecorded(db, app.id, nonce, at)) reused();
    inFlight.add(key);
    try {
      c.set('nonce', { record: (tx) => void (recordNonce(tx, app.id, nonce, expiresAt, now()) || reused()) });
      await next();
      // The route wrote nothing, or its transaction rolled back: the nonce is still spent before the answer goes.
      if (!nonceRecorded(db, app.id, nonce, now()) && !recordNonce(db, app.id, nonce, expiresAt, now())) reused();
    } finally {
      inFlight.delete(key);
    }
  };
}
