import { requireCount } from './input.ts';

/** `count` payments (this one included) within `windowMs` look like a burst. */
export interface BurstRule {
  count: number;
  windowMs: number;
}

/** An amount more than `factor` times the rolling average, once the average rests on `minSamples` payments. */
export interface SpikeRule {
  factor: number;
  minSamples: number;
}

export interface HeuristicRules {
  burst: BurstRule;
  spike: SpikeRule;
}

/** Five payments a minute from one wallet or at one box is faster than any machine cycle the scenarios run. */
export const DEFAULT_HEURISTICS: HeuristicRules = {
  burst: { count: 5, windowMs: 60_000 },
  spike: { factor: 5, minSamples: 10 },
};

/** `earlier` are the epoch-ms times of previous payments; the caller may pass more than the window holds. */
export function isBurst(earlier: readonly number[], nowMs: number, rule: BurstRule): boolean {
  const inWindow = earlier.filter((t) => t <= nowMs && nowMs - t < rule.windowMs).length;
  return inWindow + 1 >= rule.count;
}

/** The box's recent payments as a sum and a count, so the average is never rounded before comparing. */
export interface RollingAmounts {
  sumMinor: number;
  count: number;
}

export function isAmountSpike(amountMinor: number, history: RollingAmounts, rule: SpikeRule): boolean {
  requireCount('history.sumMinor', history.sumMinor);
  requireCount('history.count', history.count);
  if (history.count < rule.minSamples || history.count === 0) return false;
  return amountMinor * history.count > rule.factor * history.sumMinor;
}
