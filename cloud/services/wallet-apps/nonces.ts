import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared.ts';
import type { Executor } from '../../db/open.ts';
import { walletRequestNonces } from '../../db/schema/index.ts';

/**
 * Remembers a request nonce until `expiresAt`; false when the app already used it. Expired nonces are dropped
 * in the same transaction (an indexed range delete), so the table holds one window of traffic at most. Called
 * inside a route's own write transaction, the nonce commits with the route's writes (one fsync, not two).
 */
export function recordNonce(db: Executor, walletAppId: string, nonce: string, expiresAt: number, now: number): boolean {
  return db.transaction((tx) => {
    dropExpiredNonces(tx).run({ now });
    return insertNonce(tx).run({ walletAppId, nonce, expiresAt }).changes === 1;
  });
}

/** Whether the app's nonce is recorded and still inside its window (a read: no write, no fsync). */
export function nonceRecorded(db: Executor, walletAppId: string, nonce: string, now: number): boolean {
  return recordedNonce(db).get({ walletAppId, nonce, now }) !== undefined;
}

const dropExpiredNonces = preparedQuery((db) => db.delete(walletRequestNonces).where(lt(walletRequestNonces.expiresAt, sql.placeholder('now'))).prepare());

const insertNonce = preparedQuery((db) => db.insert(walletRequestNonces).values({
  walletAppId: sql.placeholder('walletAppId'), nonce: sql.placeholder('nonce'), expiresAt: sql.placeholder('expiresAt'),
}).onConflictDoNothing().prepare());

const recordedNonce = preparedQuery((db) => db.select({ nonce: walletRequestNonces.nonce }).from(walletRequestNonces).where(and(
  eq(walletRequestNonces.walletAppId, sql.placeholder('walletAppId')), eq(walletRequestNonces.nonce, sql.placeholder('nonce')),
  gte(walletRequestNonces.expiresAt, sql.placeholder('now')),
)).prepare());
