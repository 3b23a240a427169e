import type { Scheduler } from './scheduler.ts';

type Callback = (...args: unknown[]) => void;

/** setTimeout/setInterval/clearTimeout/clearInterval on virtual time, for one boot of the bundle. */
export interface Timers {
  globals: Record<string, unknown>;
  /** Timers the bundle has running. */
  active(): number;
  /** Stops every timer (a reset clears them). */
  clear(): void;
}

export function createTimers(scheduler: Scheduler): Timers {
  let nextId = 1;
  // JS timer id → the scheduler item of its next run.
  const running = new Map<number, number>();

  function start(fn: unknown, ms: unknown, args: unknown[], repeat: boolean): number {
    if (typeof fn !== 'function') throw new TypeError('setTimeout/setInterval need a function');
    const id = nextId++;
    // Espruino treats a missing or negative delay as 0, and keeps fractions (its timers are in microseconds).
    const delay = Math.max(0, Number(ms) || 0);
    const arm = (from: number) => {
      running.set(id, scheduler.at(from + delay, () => {
        if (repeat) arm(from + delay);
        else running.delete(id);
        scheduler.dispatch(() => (fn as Callback)(...args));
      }));
    };
    arm(scheduler.now());
    return id;
  }

  function stop(id: unknown): void {
    if (id === undefined) {
      // clearTimeout() with no argument clears every timer on Espruino.
      for (const item of running.values()) scheduler.cancel(item);
      running.clear();
      return;
    }
    const item = running.get(Number(id));
    if (item !== undefined) scheduler.cancel(item);
    running.delete(Number(id));
  }

  return {
    globals: {
      setTimeout: (fn: unknown, ms: unknown, ...args: unknown[]) => start(fn, ms, args, false),
      setInterval: (fn: unknown, ms: unknown, ...args: unknown[]) => start(fn, ms, args, true),
      clearTimeout: stop,
      clearInterval: stop,
    },
    active: () => running.size,
    clear: () => stop(undefined),
  };
}
