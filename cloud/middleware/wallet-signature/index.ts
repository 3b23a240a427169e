import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Kek } from '../../crypto/kek.ts';
import type { Executor } from '../../db/open.ts';
import { ApiError } from '../../errors/api-error.ts';
import { loadActiveWalletApp, recordNonce } from '../../services/wallet-apps/index.ts';
import type { AppEnv } from '../../types.ts';
import { SIGNATURE_HEADERS as H, bodyDigest, requestSignature } from './canonical.ts';

export { SCHEME, SIGNATURE_HEADERS, bodyDigest, canonicalString, requestSignature } from './canonical.ts';
export type { CanonicalParts } from './canonical.ts';

/** The wallet app a request was signed by, for the routes behind this middleware. */
export interface WalletPrincipal {
  id: string;
  walletId: number;
}

export interface WalletEnv {
  Variables: AppEnv['Variables'] & { wallet: WalletPrincipal };
}

export interface WalletSignatureOptions {
  db: Executor;
  kek: Kek;
  /** Accepted clock difference between the app and the cloud, both ways. */
  windowSeconds?: number;
  now?: () => number;
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

/**
 * Every wallet request carries its key id, a timestamp, a nonce, the SHA-256 of its body and an HMAC over all
 * of them with method and path. The nonce is recorded only after the signature verifies, so nobody without the
 * key can fill the nonce table; it is kept until the timestamp leaves the window, after which the timestamp
 * check alone refuses a replay.
 */
export const walletSignature = ({ db, kek, windowSeconds = 300, now = Date.now }: WalletSignatureOptions): MiddlewareHandler<WalletEnv> =>
  async (c, next) => {
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
    const body = await c.req.text();
    if (!HEX_SHA256.test(digest) || !sameHex(digest, bodyDigest(body))) {
      refuse('digest_mismatch', 'WayGo-Content-SHA256 is not the SHA-256 of the body', H.digest);
    }
    const url = new URL(c.req.url);
    const expected = requestSignature(app.signingKey, { method: c.req.method, path: url.pathname + url.search, timestamp, nonce, digest });
    app.signingKey.fill(0);
    if (!sameHex(signature, expected)) refuse('signature_invalid', 'the request signature does not verify', H.signature);
    if (!recordNonce(db, app.id, nonce, (Number(timestamp) + windowSeconds) * 1000, at)) {
      refuse('nonce_reused', 'this nonce was already used; sign every request with a fresh one', H.nonce);
    }
    c.set('wallet', { id: app.id, walletId: app.walletId });
    return next();
  };
