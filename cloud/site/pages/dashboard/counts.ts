import { and, count, eq, gte, isNull, lt, sql, sum, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Executor } from '../../../db/open.ts';
import { auditLog, boxes, payments, refunds } from '../../../db/schema/index.ts';
import type { OperatorPrincipal } from '../../../services/authority/permissions.ts';
import { tenantCondition } from '../../../services/box-admin/scope.ts';

export interface TodayCounts {
  /** Start of the UTC day the counts cover, ms. */
  dayStart: number;
  payments: number;
  /** Settled amount per currency, minor units. */
  amounts: { currency: string; minor: number }[];
  refunds: number;
  boxesActive: number;
  boxesBlocked: number;
  boxesUnactivated: number;
  boxesSeen: number;
  auditRows: number | null;
}

const DAY_MS = 86_400_000;
const SETTLED = sql`${payments.state} in ('accept', 'finish', 'refunded')`;

/**
 * Today's figures for the dashboard, in UTC days like every time the site shows. Audit rows are counted only
 * for platform accounts: a merchant's share of the chain is not one column away.
 */
export function todayCounts(db: Executor, principal: OperatorPrincipal, now: number): TodayCounts {
  const dayStart = Math.floor(now / DAY_MS) * DAY_MS;
  const today = (column: SQLiteColumn) => and(gte(column, dayStart), lt(column, dayStart + DAY_MS));
  const scope = tenantCondition(principal);
  // A payment belongs to the merchant it was made for, even if its box has moved since.
  const paymentScope = principal.merchantId === null ? undefined : eq(payments.merchantId, principal.merchantId);
  const paid = db.select({ currency: payments.currency, n: count(), minor: sum(payments.amountMinor) })
    .from(payments).where(and(paymentScope, today(payments.createdAt), SETTLED)).groupBy(payments.currency).all();
  const refunded = db.select({ n: count() }).from(refunds).innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(and(paymentScope, today(refunds.createdAt))).get();
  const boxCount = (where: SQL | undefined) => db.select({ n: count() }).from(boxes).where(and(scope, where)).get()?.n ?? 0;
  return {
    dayStart,
    payments: paid.reduce((total, row) => total + row.n, 0),
    amounts: paid.map((row) => ({ currency: row.currency, minor: Number(row.minor ?? 0) })),
    refunds: refunded?.n ?? 0,
    boxesActive: boxCount(and(eq(boxes.status, 'active'), sql`${boxes.storeId} is not null`)),
    boxesBlocked: boxCount(eq(boxes.status, 'blocked')),
    boxesUnactivated: boxCount(isNull(boxes.storeId)),
    boxesSeen: boxCount(today(boxes.lastSeenAt)),
    auditRows: principal.merchantId === null
      ? db.select({ n: count() }).from(auditLog).where(today(auditLog.at)).get()?.n ?? 0
      : null,
  };
}
