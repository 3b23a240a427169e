// Stripe's idempotency semantics for POST /v1/wallet/payments, keys scoped per wallet app. The key row is
// claimed (in_progress) before any work and holds the final response afterwards; a request that fails
// validation never claims a key, and a crash of ours releases it so the client's retry can run.
import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { bound, preparedQuery } from '../../db/prepared.ts';
import type { Executor } from '../../db/open.ts';
import { idempotencyKeys } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type Claim = { kind: 'claimed' } | { kind: 'replay'; response: StoredResponse };

export function requestDigest(method: string, path: string, canonicalBody: string): string {
  return createHash('sha256').update(`${method}\n${path}\n${canonicalBody}`).digest('hex');
}

export function claimKey(db: Executor, scope: string, key: string, digest: string, now: number): Claim {
  return db.transaction((tx) => {
    const row = keyRow(tx).get({ scope, key });
    if (!row) {
      insertClaim(tx).run({ scope, key, digest, now });
      return { kind: 'claimed' };
    }
    if (row.requestDigest !== digest) throw new CloudError('idempotency_key_reused', 'this Idempotency-Key was used with another request');
    if (row.status === 'in_progress' || row.responseStatus === null || row.responseBody === null) {
      throw new CloudError('idempotency_in_flight', 'a request with this Idempotency-Key is still being processed; retry later');
    }
    return { kind: 'replay', response: { status: row.responseStatus, body: JSON.parse(row.responseBody) as unknown } };
  });
}

export function storeResponse(db: Executor, scope: string, key: string, response: StoredResponse, now: number): void {
  storeAnswer(db).run({ scope, key, status: response.status, body: JSON.stringify(response.body), now });
}

const keyRow = preparedQuery((db) => db.select().from(idempotencyKeys)
  .where(and(eq(idempotencyKeys.scope, sql.placeholder('scope')), eq(idempotencyKeys.key, sql.placeholder('key')))).prepare());

const insertClaim = preparedQuery((db) => db.insert(idempotencyKeys).values({
  scope: sql.placeholder('scope'), key: sql.placeholder('key'), requestDigest: sql.placeholder('digest'), status: 'in_progress',
  createdAt: sql.placeholder('now'), updatedAt: sql.placeholder('now'),
}).prepare());

const storeAnswer = preparedQuery((db) => db.update(idempotencyKeys)
  .set({ status: 'done', responseStatus: bound('status'), responseBody: bound('body'), updatedAt: bound('now') })
  .where(and(eq(idempotencyKeys.scope, sql.placeholder('scope')), eq(idempotencyKeys.key, sql.placeholder('key')))).prepare());

export function releaseKey(db: Executor, scope: string, key: string): void {
  db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), eq(idempotencyKeys.status, 'in_progress'))).run();
}

/** How long a finished key replays its response, as Stripe keeps keys: a retry after that is a new request. */
export const KEY_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * A key still in_progress whose payment the sweep has just closed belongs to a request that never finished (the
 * process died mid-charge): it gets a stored 409 naming the outcome, so the client's retry is answered instead
 * of being told "in flight" forever, and can never create a second payment under the same key.
 */
export function closeAbandonedKey(db: Executor, scope: string, key: string, paymentId: string, now: number): void {
  const body = {
    error: {
      type: 'invalid_request_error',
      code: 'payment_expired',
      message: `the request with this Idempotency-Key did not complete; payment ${paymentId} expired`,
      param: null,
    },
  };
  db.update(idempotencyKeys).set({ status: 'done', responseStatus: 409, responseBody: JSON.stringify(body), updatedAt: now })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), eq(idempotencyKeys.status, 'in_progress'))).run();
}

/** Drops finished keys older than the retention; returns how many. */
export function pruneKeys(db: Executor, now: number): number {
  return db.delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.status, 'done'), lt(idempotencyKeys.updatedAt, now - KEY_RETENTION_MS))).run().changes;
}
