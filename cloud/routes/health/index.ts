import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import type { AppEnv, Logger } from '../../types.ts';

export interface HealthRoutesOptions {
  db: Db;
  version: string;
  logger: Logger;
}

/** For load balancers and `make demo`: 200 while the database answers, 503 when it does not. */
export const healthRoutes = ({ db, version, logger }: HealthRoutesOptions) =>
  new Hono<AppEnv>().get('/', (c) => {
    try {
      db.get(sql`select 1`);
      return c.json({ status: 'ok', version, database: 'ok' });
    } catch (err) {
      logger.error('health check: database unavailable', { error: err instanceof Error ? err.message : String(err) });
      return c.json({ status: 'degraded', version, database: 'unavailable' }, 503);
    }
  });
