import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { OperationDescription } from '../../openapi/types.ts';
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

export const HealthStatus = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.enum(['ok', 'unavailable']),
});

export const operations: OperationDescription[] = [{
  method: 'get', path: '/v1/health', operationId: 'health', tag: 'service', security: 'none',
  summary: 'For load balancers: 200 while the database answers, 503 when it does not',
  responses: {
    200: { description: 'serving', body: { name: 'HealthStatus', schema: HealthStatus } },
    503: { description: 'the database does not answer', body: { name: 'HealthStatus', schema: HealthStatus } },
  },
}];
