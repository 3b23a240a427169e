// Throughput by repetition: the machines are shared and noisy, so each figure is the median of several
// timed rounds after a warm-up, and every target is read against a baseline measured in the same run.

export interface MeasureOptions {
  rounds?: number;
  roundMs?: number;
}

export interface Measurement {
  opsPerSecond: number;
  /** Spread of the rounds as max/min − 1, so a reader can tell a steady figure from a noisy one. */
  spread: number;
}

function round(fn: () => unknown, ms: number): number {
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  // Batches keep the clock reads from dominating very cheap operations.
  for (let batch = 1; elapsed < ms; batch = Math.min(batch * 2, 4096)) {
    for (let i = 0; i < batch; i++) fn();
    ops += batch;
    elapsed = performance.now() - start;
  }
  return (ops * 1000) / elapsed;
}

export function measure(fn: () => unknown, { rounds = 5, roundMs = 300 }: MeasureOptions = {}): Measurement {
  round(fn, roundMs / 2);
  const rates = Array.from({ length: rounds }, () => round(fn, roundMs)).sort((a, b) => a - b);
  return { opsPerSecond: rates[Math.floor(rates.length / 2)]!, spread: rates.at(-1)! / rates[0]! - 1 };
}
