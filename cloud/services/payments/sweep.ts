import { and, inArray, lte } from 'drizzle-orm';
import { payments } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { closeAbandonedKey, pruneKeys } from './idempotency.ts';
import { refundRemainder } from './refunds.ts';
import { OPEN_STATES } from './states.ts';
import { transitionPayment } from './transition.ts';
import type { PaymentDeps } from './types.ts';

export interface SweepResult {
  expired: number;
  refunded: number;
  /** Finished idempotency keys past their retention, dropped. */
  prunedKeys: number;
}

/** Payments swept per run, so one run never holds the database for long; the next run takes the rest. */
const BATCH = 200;

/**
 * Request and Accept payments past their deadline → Expired, each in its own transaction, and a charged one
 * refunded; an idempotency key its request never finished is closed with a stored answer, and finished keys past
 * their retention are dropped. A payment another writer moved meanwhile (its receipt arrived) is skipped. A Request whose charge
 * is still pending at the acquirer expires too; if the acquirer approves later, pay.ts's recordCharge refunds it.
 */
export async function sweepExpired(deps: PaymentDeps, now: number): Promise<SweepResult> {
  const due = deps.db.select({ id: payments.id }).from(payments)
    .where(and(inArray(payments.state, [...OPEN_STATES]), lte(payments.expiresAt, now))).limit(BATCH).all();
  const result: SweepResult = { expired: 0, refunded: 0, prunedKeys: 0 };
  for (const { id } of due) {
    let expired;
    try {
      expired = deps.db.transaction((tx) => {
        const moved = transitionPayment(tx, { paymentId: id, to: 'expired', reason: 'deadline', actor: 'system', at: now });
        if (moved.idempotencyKey !== null) closeAbandonedKey(tx, moved.walletAppId, moved.idempotencyKey, moved.id, now);
        return moved;
      });
    } catch (err) {
      if (err instanceof CloudError && err.code === 'illegal_transition') continue;
      throw err;
    }
    result.expired += 1;
    if ((await refundRemainder(deps, expired, 'expired')).state === 'refunded') result.refunded += 1;
  }
  result.prunedKeys = pruneKeys(deps.db, now);
  return result;
}

/** Runs `sweepExpired` every `intervalMs` without keeping the process alive; stop() ends it. */
export function startSweeper(deps: PaymentDeps, intervalMs: number, onError: (err: unknown) => void): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepExpired(deps, deps.now()).catch(onError).finally(() => {
      running = false;
    });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
