export interface BackoffOptions {
  /** The ceiling after the first failure; it doubles after each further failure. */
  baseMs: number;
  maxMs: number;
}

/**
 * Wait before the next attempt after `failures` failed ones: exponential ceiling with "equal jitter"
 * (half fixed, half random), so retries from many senders spread out yet never collapse to an immediate retry.
 * `random` returns a number in [0, 1), injectable for tests.
 */
export function backoffDelay(failures: number, options: BackoffOptions, random: () => number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  return Math.floor(ceiling / 2 + (random() * ceiling) / 2);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
