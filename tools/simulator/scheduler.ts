/**
 * Virtual time. Timers and hardware events (pulse edges, debounced watches, the watchdog) run in time order
 * when a test calls advance(); JS callbacks go through an event queue so that, as on the interpreter, one never
 * runs inside another (an event raised by a callback runs after it returns).
 */
export interface Scheduler {
  /** Virtual milliseconds since the simulation started (traces use this; it survives resets). */
  now(): number;
  /** Schedules `run` at `at` ms; returns an id. Equal times run in scheduling order. */
  at(at: number, run: () => void): number;
  cancel(id: number): boolean;
  /** Queues a JS callback; it runs at once unless a callback is running. */
  dispatch(run: () => void): void;
  /** Moves time forward by `ms`, running everything due in order. */
  advance(ms: number): void;
  /** Runs everything due up to `until` without JS event dispatch in between (busy-waiting hardware). */
  jumpTo(until: number): void;
  /** Drops every scheduled item and queued callback (a reset). */
  clear(): void;
  pending(): number;
}

interface Item {
  id: number;
  at: number;
  run: () => void;
}

export function createScheduler(onError: (error: unknown) => void): Scheduler {
  let now = 0;
  let nextId = 1;
  let items: Item[] = [];
  const queue: (() => void)[] = [];
  let running = false;

  function flush(): void {
    if (running) return;
    running = true;
    try {
      while (queue.length > 0) {
        try {
          queue.shift()!();
        } catch (error) {
          onError(error);
        }
      }
    } finally {
      running = false;
    }
  }

  function runDue(until: number): void {
    for (;;) {
      let best: Item | undefined;
      for (const item of items) if (item.at <= until && (best === undefined || item.at < best.at || (item.at === best.at && item.id < best.id))) best = item;
      if (best === undefined) return;
      items = items.filter((item) => item !== best);
      now = Math.max(now, best.at);
      best.run();
    }
  }

  const scheduler: Scheduler = {
    now: () => now,
    at(at, run) {
      const id = nextId++;
      items.push({ id, at, run });
      return id;
    },
    cancel(id) {
      const before = items.length;
      items = items.filter((item) => item.id !== id);
      return items.length !== before;
    },
    dispatch(run) {
      queue.push(run);
      flush();
    },
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError('advance needs ms >= 0');
      const until = now + ms;
      runDue(until);
      now = until;
      flush();
    },
    jumpTo(until) {
      runDue(until);
      now = Math.max(now, until);
    },
    clear() {
      items = [];
      queue.splice(0);
    },
    pending: () => items.length,
  };
  return scheduler;
}
