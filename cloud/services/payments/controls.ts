// Feeds seed 003's controls (cloud/controls, pure) from the database for one payment about to be charged.
import { and, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import { DEFAULT_HEURISTICS, dayBounds, evaluatePayment, type BoxDenyReason, type ControlDecision, type DailyUsage } from '../../controls/index.ts';
import type { Executor } from '../../db/open.ts';
import { boxes, payments, walletApps, type PaymentState } from '../../db/schema/index.ts';

/** Pending charges may still complete and a refund does not give headroom back (cloud/controls/README.md). */
const COUNTED: PaymentState[] = ['request', 'accept', 'finish', 'refunded'];
/** Enough history for the spike rule's average without reading a busy box's whole day. */
const ROLLING_SAMPLES = 50;

type BoxRow = typeof boxes.$inferSelect;
type WalletRow = typeof walletApps.$inferSelect;

function usage(db: Executor, column: typeof payments.boxId | typeof payments.walletAppId, id: string, start: number, end: number): DailyUsage {
  const rows = db.select({ amount: payments.amountMinor }).from(payments)
    .where(and(eq(column, id), inArray(payments.state, COUNTED), gte(payments.createdAt, start), lt(payments.createdAt, end))).all();
  return { amountMinor: rows.reduce((sum, r) => sum + r.amount, 0), count: rows.length };
}

function recentTimes(db: Executor, column: typeof payments.boxId | typeof payments.walletAppId, id: string, since: number): number[] {
  return db.select({ at: payments.createdAt }).from(payments).where(and(eq(column, id), gte(payments.createdAt, since))).all().map((r) => r.at);
}

function limit(amountMinor: number | null, count: number | null) {
  return { ...(amountMinor === null ? {} : { amountMinor }), ...(count === null ? {} : { count }) };
}

function boxDenyReason(status: BoxRow['status']): BoxDenyReason | undefined {
  if (status === 'lost' || status === 'stolen') return status;
  return status === 'blocked' || status === 'retired' ? 'blocked' : undefined;
}

/**
 * The controls' verdict for `amountMinor` at `box` from `wallet`, before this payment is written. Days are UTC
 * days: stores carry no time zone yet.
 */
export function checkControls(db: Executor, box: BoxRow, wallet: WalletRow, amountMinor: number, nowMs: number): ControlDecision {
  const { start, end } = dayBounds(nowMs, 0);
  const since = nowMs - DEFAULT_HEURISTICS.burst.windowMs;
  const reason = boxDenyReason(box.status);
  const finished = db.select({ amount: payments.amountMinor }).from(payments)
    .where(and(eq(payments.boxId, box.id), eq(payments.state, 'finish'))).orderBy(desc(payments.createdAt)).limit(ROLLING_SAMPLES).all();
  return evaluatePayment({
    amountMinor,
    nowMs,
    box: {
      id: box.id,
      ...(box.maxPerTransactionMinor === null ? {} : { maxPerTransactionMinor: box.maxPerTransactionMinor }),
      daily: limit(box.dailyAmountMinor, box.dailyCount),
      usage: usage(db, payments.boxId, box.id, start, end),
      recentPaymentTimes: recentTimes(db, payments.boxId, box.id, since),
      rolling: { sumMinor: finished.reduce((sum, r) => sum + r.amount, 0), count: finished.length },
    },
    wallet: {
      id: wallet.id,
      daily: limit(wallet.dailyAmountMinor, wallet.dailyCount),
      usage: usage(db, payments.walletAppId, wallet.id, start, end),
      recentPaymentTimes: recentTimes(db, payments.walletAppId, wallet.id, since),
    },
    denyLists: {
      boxes: new Map(reason === undefined ? [] : [[box.id, reason]]),
      wallets: new Set(wallet.status === 'active' ? [] : [wallet.id]),
    },
  });
}
