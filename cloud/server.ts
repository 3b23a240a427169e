import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Acquirer } from './acquirers/types.ts';
import { createAcquirer } from './acquirers/factory.ts';
import { createSimulatorAcquirer } from './acquirers/simulator/index.ts';
import { buildApp } from './app.ts';
import type { CloudConfig } from './config/load.ts';
import { migrateDatabase } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { jsonLogger } from './logger.ts';
import { openAdvertisingIndex, startAdvertisingRefresher, type AdvertisingIndex } from './services/advertising/index.ts';
import { startSweeper } from './services/payments/index.ts';
import { databaseDeliveryEngine, startWebhookWorker } from './services/webhooks/index.ts';
import type { AppEnv, Logger } from './types.ts';
import { VERSION } from './version.ts';

export interface StartServerOptions {
  config: CloudConfig;
  logger?: Logger;
  /** Charges wallet payments. Development mode defaults to the test-mode simulator; production serves no payments without one. */
  acquirer?: Acquirer;
  /** How often abandoned payments are expired (ms). */
  sweepIntervalMs?: number;
  /** How often due webhook deliveries are sent (ms). */
  webhookIntervalMs?: number;
  /** Sends webhooks; tests pass their own. */
  fetch?: typeof fetch;
}

export interface RunningServer {
  url: string;
  port: number;
  app: Hono<AppEnv>;
  /** Stops accepting connections, ends idle keep-alive ones, waits for open requests and webhook attempts, then closes the database. */
  close(): Promise<void>;
}

/** Opens the database, applies pending migrations, and listens; resolves once the port is bound. */
export async function startServer({ config, logger = jsonLogger(), acquirer, sweepIntervalMs = 30_000, webhookIntervalMs = 5_000, fetch: doFetch }: StartServerOptions): Promise<RunningServer> {
  const database = openDatabase(config.database);
  let advertisingIndex: AdvertisingIndex;
  try {
    migrateDatabase(database);
    // Built before listening, so no request pays for it.
    advertisingIndex = openAdvertisingIndex(database.db, config.kek);
  } catch (err) {
    database.close();
    throw err;
  }
  const payments = acquirer
    ?? (config.acquirer !== undefined ? createAcquirer(config.acquirer, { logger }) : config.mode === 'production' ? undefined : createSimulatorAcquirer());
  const app = buildApp({ db: database.db, kek: config.kek, bodyLimit: config.bodyLimit, version: VERSION, logger, ...(payments ? { acquirer: payments } : {}) });
  let server: Server;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, resolve) as Server;
    server.once('error', reject);
  }).catch((err: unknown) => {
    database.close();
    throw err;
  });
  // Rolled at every 15-minute window boundary.
  const advertising = startAdvertisingRefresher(advertisingIndex, (err) => logger.error('advertising roll failed', { error: String(err) }));
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const sweeper = payments
    ? startSweeper({ db: database.db, kek: config.kek, acquirer: payments, now: Date.now }, sweepIntervalMs, (err) => logger.error('sweep failed', { error: String(err) }))
    : undefined;
  const webhooks = startWebhookWorker(databaseDeliveryEngine(database.db, config.kek, { logger, ...(doFetch ? { fetch: doFetch } : {}) }), webhookIntervalMs, logger);
  logger.info('listening', { url, database: config.database, acquirer: payments?.name ?? 'none' });
  return {
    url,
    port: address.port,
    app,
    async close() {
      sweeper?.stop();
      advertising.stop();
      const stopped = new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeIdleConnections();
      });
      // An attempt in flight writes its result before the database closes.
      await Promise.allSettled([stopped, webhooks.stop()]);
      database.close();
      await stopped;
    },
  };
}
