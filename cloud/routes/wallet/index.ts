import { Hono } from 'hono';
import type { Kek } from '../../crypto/kek.ts';
import type { Acquirer } from '../../acquirers/types.ts';
import type { Db } from '../../db/open.ts';
import { walletSignature, type WalletEnv } from '../../middleware/wallet-signature/index.ts';
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

/** `/v1/wallet/…`: every route behind the request-signature check, unknown paths included. */
export function walletRoutes({ db, kek, now = Date.now, acquirer }: WalletRoutesOptions): Hono<WalletEnv> {
  const app = new Hono<WalletEnv>();
  app.use('*', walletSignature({ db, kek, now }));
  app.route('/resolve', resolveRoutes({ db, kek }));
  app.route('/challenges', challengeRoutes({ db, kek, now }));
  app.route('/sessions', sessionRoutes({ db, kek, now }));
  app.route('/boxes', boxLogRoutes({ db, kek, now }));
  if (acquirer) app.route('/payments', paymentRoutes({ db, kek, acquirer, now }));
  return app;
}
