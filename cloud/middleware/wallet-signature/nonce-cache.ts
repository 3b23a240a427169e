/**
 * Nonces of read-only requests, held in memory until their timestamp leaves the window (docs/wallet-api.md,
 * "Nonces of read-only requests"). Keys expire in one-second buckets, so pruning touches only what expired. At
 * `capacity` it refuses to take more and the caller records the nonce durably instead: a full cache never
 * forgets a nonce early.
 */
export class NonceCache {
  private readonly expiry = new Map<string, number>();
  private readonly buckets = new Map<number, string[]>();
  private readonly capacity: number;
  private prunedSecond = -1;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  has(key: string, now: number): boolean {
    const until = this.expiry.get(key);
    return until !== undefined && until >= now;
  }

  /** Holds `key` until `expiresAt` (ms); false when the cache is full. */
  add(key: string, expiresAt: number, now: number): boolean {
    this.prune(now);
    if (this.expiry.size >= this.capacity) return false;
    this.expiry.set(key, expiresAt);
    const second = Math.ceil(expiresAt / 1000);
    const bucket = this.buckets.get(second);
    if (bucket) bucket.push(key);
    else this.buckets.set(second, [key]);
    return true;
  }

  get size(): number {
    return this.expiry.size;
  }

  private prune(now: number): void {
    const second = Math.floor(now / 1000);
    if (second === this.prunedSecond) return;
    this.prunedSecond = second;
    for (const [second, keys] of this.buckets) {
      if (second * 1000 >= now) continue;
      for (const key of keys) {
        const until = this.expiry.get(key);
        if (until !== undefined && until < now) this.expiry.delete(key);
      }
      this.buckets.delete(second);
    }
  }
}
