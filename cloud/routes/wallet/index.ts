import { Hono } from 'hono';
import type { Kek } from '../../crypto/kek.ts';
import type { Acquirer } from '../../acquirers/types.ts';
import type { Db } from '../../db/open.ts';
import { walletSignature, type NonceMode, type WalletEnv } from '../../middleware/wallet-signature/index.ts';
import { boxLogRoutes } from './box-log.ts';
import { paymentRoutes } from './payments.ts';
import { resolveRoutes } from './resolve.ts';
import { challengeRoutes, sessionRoutes } from './sessions.ts';

export interface WalletRoutesOptions {
  db: Db;
  kek: Kek;
  now?: () => number;
  /** Payments are served only with an acquirer. */
  acquirer?: Acquirer;
}

/** Routes that only read: a replay costs load, never a change (docs/wallet-api.md, "Nonces of read-only requests"). */
const READ_ONLY: Record<string, RegExp> = { POST: /^\/v1\/wallet\/resolve$/, GET: /^\/v1\/wallet\/payments\/pay_[0-9a-f]{24}$/ };
/** Routes that record the nonce in their own write transaction (each calls `c.get('nonce').record(tx)`). */
const WITH_WRITES = /^\/v1\/wallet\/(?:challenges|sessions|payments|payments\/pay_[0-9a-f]{24}\/(?:receipt|cancel|reseal)|boxes\/[0-9a-fA-F]{16}\/log)$/;

/** Any route not named here commits its nonce alone before it runs, as every route once did. */
export function walletNonceMode(method: string, path: string): NonceMode {
  if (READ_ONLY[method]?.test(path)) return 'memory';
  return method === 'POST' && WITH_WRITES.test(path) ? 'with-writes' : 'before';
}

/** `/v1/wallet/…`: every route behind the request-signature check, unknown paths included. */
export function walletRoutes({ db, kek, now = Date.now, acquirer }: WalletRoutesOptions): Hono<WalletEnv> {
  const app = new Hono<WalletEnv>();
  app.use('*', walletSignature({ db, kek, now, nonceMode: walletNonceMode }));
  app.route('/resolve', resolveRoutes({ db, kek }));
  app.route('/challenges', challengeRoutes({ db, kek, now }));
  app.route('/sessions', sessionRoutes({ db, kek, now }));
  app.route('/boxes', boxLogRoutes({ db, kek, now }));
  if (acquirer) app.route('/payments', paymentRoutes({ db, kek, acquirer, now }));
  return app;
}
