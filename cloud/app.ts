import { Hono } from 'hono';
import { mount } from 'hono/mount';
import type { Acquirer } from './acquirers/types.ts';
import type { Kek } from './crypto/kek.ts';
import type { Db } from './db/open.ts';
import { jsonLogger } from './logger.ts';
import { bodyLimit } from './middleware/body-limit/index.ts';
import { errorHandler, notFound } from './middleware/error-handler/index.ts';
import { jsonBody } from './middleware/json-body/index.ts';
import { openApiRoutes } from './openapi/index.ts';
import { acquirerRoutes } from './routes/acquirers/index.ts';
import { healthRoutes } from './routes/health/index.ts';
import { operatorRoutes } from './routes/operator/index.ts';
import { walletRoutes } from './routes/wallet/index.ts';
import { siteRoutes } from './site/index.ts';
import { installerRoutes } from './routes/installer/index.ts';
import type { AppEnv, Logger } from './types.ts';

export interface AppOptions {
  db: Db;
  /** Opens box master secrets and wallet signing keys. */
  kek: Kek;
  /** Largest request body in bytes. */
  bodyLimit: number;
  /** Reported by /v1/health. */
  version: string;
  logger?: Logger;
  /** The clock, in ms since the epoch; tests move it. */
  now?: () => number;
  /** Charges and refunds wallet payments; without one the payment routes are not served. */
  acquirer?: Acquirer;
}

/** The whole HTTP API without a socket: tests call `app.request()`, server.ts serves it. */
export function buildApp({ db, kek, bodyLimit: maxBytes, version, logger = jsonLogger(), now = Date.now, acquirer }: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(errorHandler({ logger }));
  app.notFound(notFound());
  app.use('*', bodyLimit({ maxBytes }));
  // The API speaks JSON; the site under /admin parses its own forms and uploads.
  app.use('/v1/*', jsonBody());
  app.route('/v1/health', healthRoutes({ db, version, logger }));
  app.route('/v1/wallet', walletRoutes({ db, kek, now, ...(acquirer ? { acquirer } : {}) }));
  if (acquirer) app.route('/v1/acquirers', acquirerRoutes({ db, kek, acquirer, now }));
  app.route('/v1/operator', operatorRoutes({ db, kek, now, ...(acquirer ? { acquirer } : {}) }));
  app.route('/', openApiRoutes({ version }));
  app.all('/admin/*', mount(siteRoutes({ db, kek, now, logger, ...(acquirer ? { acquirer } : {}) }).fetch, { replaceRequest: false }));
  app.route('/install', installerRoutes());
  return app;
}
