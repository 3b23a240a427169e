// Daily totals for charts. Days are the merchant's calendar days in an IANA time zone (the `tz` the caller
// names; merchants keep no time zone of their own yet). SQLite cannot read IANA zones, so it sums per quarter
// hour and the days are assembled here: every zone's UTC offset is a whole number of quarter hours, so a
// quarter hour never straddles local midnight.
import { and, count, eq, gte, lt, sql, sum } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { boxes, payments, stores, walletApps } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import type { OperatorPrincipal } from '../authority/permissions.ts';
import { requirePermission, tenantCondition } from './access.ts';
import { DATE, checkTimeZone, localDate, nextDate, startOfLocalDay } from './zoned-time.ts';

export const REPORT_DIMENSIONS = ['store', 'box', 'wallet'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];
export const MAX_REPORT_DAYS = 366;
const QUARTER_HOUR_MS = 15 * 60_000;

export interface ReportInput {
  /** First and last local day, both included, YYYY-MM-DD. */
  from: string;
  to: string;
  tz?: string;
  by: ReportDimension;
  merchantId?: string;
  storeId?: string;
}

export interface Totals {
  /** Charged payments. */
  count: number;
  amountMinor: number;
  refundedMinor: number;
  netMinor: number;
}

export interface ReportSeries {
  key: { id: string; name: string };
  currency: string;
  /** One entry per day of the range, zeros included, in order. */
  days: (Totals & { date: string })[];
  total: Totals;
}

export interface DailyReport {
  by: ReportDimension;
  tz: string;
  from: string;
  to: string;
  dates: string[];
  series: ReportSeries[];
}

const zero = (): Totals => ({ count: 0, amountMinor: 0, refundedMinor: 0, netMinor: 0 });

function add(t: Totals, n: number, amount: number, refunded: number): void {
  t.count += n;
  t.amountMinor += amount;
  t.refundedMinor += refunded;
  t.netMinor = t.amountMinor - t.refundedMinor;
}

function datesOf(from: string, to: string): string[] {
  for (const d of [from, to]) if (!DATE.test(d)) throw new CloudError('date_invalid', `${d} is not a YYYY-MM-DD date`);
  const dates: string[] = [];
  for (let d = from; d <= to; d = nextDate(d)) {
    dates.push(d);
    if (dates.length > MAX_REPORT_DAYS) throw new CloudError('range_too_long', `a report covers at most ${MAX_REPORT_DAYS} days`);
  }
  if (dates.length === 0) throw new CloudError('range_invalid', 'from is after to');
  return dates;
}

const KEYS = {
  store: { id: payments.storeId, name: stores.name },
  box: { id: boxes.id, name: sql<string>`coalesce(${boxes.machineName}, ${boxes.id})` },
  wallet: { id: walletApps.id, name: walletApps.name },
} as const;

/**
 * Per day and per store, box or wallet app: payments whose charge was approved (the money that moved), their
 * amount, what was refunded of them and the difference. A refund counts on its payment's day.
 */
export function dailyReport(db: Executor, principal: OperatorPrincipal, input: ReportInput): DailyReport {
  requirePermission(principal, 'payments.view');
  const tz = checkTimeZone(input.tz ?? 'UTC');
  const dates = datesOf(input.from, input.to);
  const key = KEYS[input.by];
  const bucket = sql<number>`${payments.createdAt} / ${sql.raw(String(QUARTER_HOUR_MS))}`;
  const rows = db.select({
    id: key.id, name: key.name, currency: payments.currency, bucket,
    n: count(), amount: sum(payments.amountMinor).mapWith(Number), refunded: sum(payments.refundedMinor).mapWith(Number),
  }).from(payments)
    .innerJoin(boxes, eq(boxes.id, payments.boxId))
    .innerJoin(stores, eq(stores.id, payments.storeId))
    .innerJoin(walletApps, eq(walletApps.id, payments.walletAppId))
    .where(and(
      tenantCondition(principal, payments.merchantId), eq(payments.chargeStatus, 'approved'),
      gte(payments.createdAt, startOfLocalDay(input.from, tz)), lt(payments.createdAt, startOfLocalDay(nextDate(input.to), tz)),
      input.merchantId === undefined ? undefined : eq(payments.merchantId, input.merchantId),
      input.storeId === undefined ? undefined : eq(payments.storeId, input.storeId),
    ))
    .groupBy(key.id, payments.currency, bucket).all();
  const index = new Map(dates.map((d, i) => [d, i]));
  const series = new Map<string, ReportSeries>();
  for (const r of rows) {
    const id = `${r.id}\n${r.currency}`;
    let s = series.get(id);
    if (s === undefined) {
      s = { key: { id: r.id, name: r.name }, currency: r.currency, days: dates.map((date) => ({ date, ...zero() })), total: zero() };
      series.set(id, s);
    }
    const day = s.days[index.get(localDate(Number(r.bucket) * QUARTER_HOUR_MS, tz)) ?? -1];
    if (day === undefined) continue;
    add(day, r.n, r.amount, r.refunded);
    add(s.total, r.n, r.amount, r.refunded);
  }
  const ordered = [...series.values()].sort((a, b) => a.key.name.localeCompare(b.key.name) || a.key.id.localeCompare(b.key.id) || a.currency.localeCompare(b.currency));
  return { by: input.by, tz, from: input.from, to: input.to, dates, series: ordered };
}
