export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
}

export function summarize(samples: number[]): LatencySummary {
  if (samples.length === 0) return { p50: 0, p99: 0, max: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1)! };
}

/** max/min − 1 over the whole windows, as tools/bench/measure.ts reports spread. */
export function spreadOf(counts: number[]): number {
  if (counts.length === 0) return 0;
  const min = Math.min(...counts);
  return min === 0 ? Infinity : Math.max(...counts) / min - 1;
}
