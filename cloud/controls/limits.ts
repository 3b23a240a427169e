import { requireCount } from './input.ts';
import type { ControlCode } from './types.ts';

/** What a box or wallet already did today, not counting the payment being decided. */
export interface DailyUsage {
  amountMinor: number;
  count: number;
}

/** An absent field means no limit. */
export interface DailyLimit {
  amountMinor?: number;
  count?: number;
}

export type DailyVerdict = 'ok' | 'amount' | 'count';

/**
 * Does one more payment of `amountMinor` fit? Amount first, then count. Compared as `amount <= limit - used`
 * so the check never forms a sum that could pass 2^53.
 */
export function fitsDailyLimit(usage: DailyUsage, amountMinor: number, limit: DailyLimit): DailyVerdict {
  requireCount('usage.amountMinor', usage.amountMinor);
  requireCount('usage.count', usage.count);
  requireCount('amountMinor', amountMinor);
  if (limit.amountMinor !== undefined) {
    requireCount('limit.amountMinor', limit.amountMinor);
    if (amountMinor > limit.amountMinor - usage.amountMinor) return 'amount';
  }
  if (limit.count !== undefined) {
    requireCount('limit.count', limit.count);
    if (usage.count >= limit.count) return 'count';
  }
  return 'ok';
}

export function exceedsTransactionMax(amountMinor: number, maxMinor: number | undefined): boolean {
  if (maxMinor === undefined) return false;
  requireCount('maxPerTransactionMinor', maxMinor);
  return amountMinor > maxMinor;
}

export function dailyCode(subject: 'box' | 'wallet', verdict: Exclude<DailyVerdict, 'ok'>): ControlCode {
  return `${subject}_daily_${verdict}_exceeded`;
}

const DAY_MS = 86_400_000;

/**
 * The [start, end) of the local day containing `nowMs` at a fixed UTC offset (the store's time zone), for the
 * query that sums today's usage. Daylight-saving zones pass the offset in force at `nowMs`.
 */
export function dayBounds(nowMs: number, utcOffsetMinutes: number): { start: number; end: number } {
  const offsetMs = utcOffsetMinutes * 60_000;
  const start = Math.floor((nowMs + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
  return { start, end: start + DAY_MS };
}
