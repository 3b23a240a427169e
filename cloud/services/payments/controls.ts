// Feeds seed 003's controls (cloud/controls, pure) from the database for one payment about to be charged.
import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { DEFAULT_HEURISTICS, dayBounds, evaluatePayment, type BoxDenyReason, type ControlDecision, type DailyUsage } from '../../controls/index.ts';
import type { Executor } from '../../db/open.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { boxes, payments, walletApps, type PaymentState } from '../../db/schema/index.ts';

/** Pending charges may still complete and a refund does not give headroom back (cloud/controls/README.md). */
const COUNTED: PaymentState[] = ['request', 'accept', 'finish', 'refunded'];
/** Enough history for the spike rule's average without reading a busy box's whole day. */
const ROLLING_SAMPLES = 50;

type BoxRow = typeof boxes.$inferSelect;
type WalletRow = typeof walletApps.$inferSelect;
type Owner = typeof payments.boxId | typeof payments.walletAppId;

/** The day's counted payments of one box or one wallet app. */
const usageOf = (column: Owner) => preparedQuery((db) => db.select({ amount: payments.amountMinor }).from(payments).where(and(
  eq(column, sql.placeholder('id')), inArray(payments.state, COUNTED),
  gte(payments.createdAt, sql.placeholder('start')), lt(payments.createdAt, sql.placeholder('end')),
)).prepare());

const recentOf = (column: Owner) => preparedQuery((db) => db.select({ at: payments.createdAt }).from(payments)
  .where(and(eq(column, sql.placeholder('id')), gte(payments.createdAt, sql.placeholder('since')))).prepare());

const boxUsage = usageOf(payments.boxId);
const walletUsage = usageOf(payments.walletAppId);
const boxRecent = recentOf(payments.boxId);
const walletRecent = recentOf(payments.walletAppId);
const boxFinished = preparedQuery((db) => db.select({ amount: payments.amountMinor }).from(payments)
  .where(and(eq(payments.boxId, sql.placeholder('id')), eq(payments.state, 'finish'))).orderBy(desc(payments.createdAt)).limit(ROLLING_SAMPLES).prepare());

function usage(query: typeof boxUsage, db: Executor, id: string, start: number, end: number): DailyUsage {
  const rows = query(db).all({ id, start, end });
  return { amountMinor: rows.reduce((sum, r) => sum + r.amount, 0), count: rows.length };
}

function recentTimes(query: typeof boxRecent, db: Executor, id: string, since: number): number[] {
  return query(db).all({ id, since }).map((r) => r.at);
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
  const finished = boxFinished(db).all({ id: box.id });
  return evaluatePayment({
    amountMinor,
    nowMs,
    box: {
      id: box.id,
      ...(box.maxPerTransactionMinor === null ? {} : { maxPerTransactionMinor: box.maxPerTransactionMinor }),
      daily: limit(box.dailyAmountMinor, box.dailyCount),
      usage: usage(boxUsage, db, box.id, start, end),
      recentPaymentTimes: recentTimes(boxRecent, db, box.id, since),
      rolling: { sumMinor: finished.reduce((sum, r) => sum + r.amount, 0), count: finished.length },
    },
    wallet: {
      id: wallet.id,
      daily: limit(wallet.dailyAmountMinor, wallet.dailyCount),
      usage: usage(walletUsage, db, wallet.id, start, end),
      recentPaymentTimes: recentTimes(walletRecent, db, wallet.id, since),
    },
    denyLists: {
      boxes: new Map(reason === undefined ? [] : [[box.id, reason]]),
      wallets: new Set(wallet.status === 'active' ? [] : [wallet.id]),
    },
  });
}
