import { lt } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { walletRequestNonces } from '../../db/schema/index.ts';

/**
 * Remembers a request nonce until `expiresAt`; false when the app already used it. Expired nonces are dropped
 * in the same transaction (an indexed range delete), so the table holds one window of traffic at most.
 */
export function recordNonce(db: Executor, walletAppId: string, nonce: string, expiresAt: number, now: number): boolean {
  return db.transaction((tx) => {
    tx.delete(walletRequestNonces).where(lt(walletRequestNonces.expiresAt, now)).run();
    const result = tx.insert(walletRequestNonces).values({ walletAppId, nonce, expiresAt }).onConflictDoNothing().run();
    return result.changes === 1;
  });
}
