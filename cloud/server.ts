import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { buildApp } from './app.ts';
import type { CloudConfig } from './config/load.ts';
import { migrateDatabase } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { jsonLogger } from './logger.ts';
import type { AppEnv, Logger } from './types.ts';
import { VERSION } from './version.ts';

export interface StartServerOptions {
  config: CloudConfig;
  logger?: Logger;
}

export interface RunningServer {
  url: string;
  port: number;
  app: Hono<AppEnv>;
  /** Stops accepting connections, ends idle keep-alive ones, waits for open requests, then closes the database. */
  close(): Promise<void>;
}

/** Opens the database, applies pending migrations, and listens; resolves once the port is bound. */
export async function startServer({ config, logger = jsonLogger() }: StartServerOptions): Promise<RunningServer> {
  const database = openDatabase(config.database);
  try {
    migrateDatabase(database.db);
  } catch (err) {
    database.close();
    throw err;
  }
  const app = buildApp({ db: database.db, kek: config.kek, bodyLimit: config.bodyLimit, version: VERSION, logger });
  let server: Server;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, resolve) as Server;
    server.once('error', reject);
  }).catch((err: unknown) => {
    database.close();
    throw err;
  });
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info('listening', { url, database: config.database });
  return {
    url,
    port: address.port,
    app,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => {
          database.close();
          if (err) reject(err);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
