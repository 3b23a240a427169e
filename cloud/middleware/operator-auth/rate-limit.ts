import type { Context } from 'hono';

export interface RateLimiterOptions {
  /** Attempts allowed per key within the window. */
  max: number;
  windowMs: number;
  now: () => number;
}

export interface RateLimiter {
  /** Records an attempt by `key`; 0 when allowed, else the seconds until the oldest attempt leaves the window. */
  hit(key: string): number;
}

/**
 * An in-memory sliding window per key (one process: what the embedded SQLite deployment runs). Keys with no
 * attempt inside the window are dropped as they are met, so memory holds one window's clients at most.
 */
export function slidingWindowLimiter({ max, windowMs, now }: RateLimiterOptions): RateLimiter {
  const attempts = new Map<string, number[]>();
  return {
    hit(key) {
      const t = now();
      if (attempts.size > 10_000) {
        for (const [k, times] of attempts) if (times[times.length - 1]! <= t - windowMs) attempts.delete(k);
      }
      const recent = (attempts.get(key) ?? []).filter((at) => at > t - windowMs);
      if (recent.length >= max) {
        attempts.set(key, recent);
        return Math.max(1, Math.ceil((recent[0]! + windowMs - t) / 1000));
      }
      recent.push(t);
      attempts.set(key, recent);
      return 0;
    },
  };
}

/**
 * The client's address as the socket saw it. X-Forwarded-For is not trusted: anyone can send it, and a
 * limiter keyed on it would let one client pose as many.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
