// Every wait in the SDK goes through a Clock, so the simulator can run a payment on its virtual time (a 30 ms
// connection interval costs no real time) while phones and browsers use the real one.

export interface Clock {
  /** Milliseconds on this clock's own scale. */
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Longest single sleep while waiting for a reply. A virtual clock moves only when slept on, so it wants short
   * steps; a real clock sleeps the whole remaining time and is woken by the reply itself.
   */
  readonly stepMs?: number;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done);
    });
  },
};
