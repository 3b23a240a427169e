import { toHostBytes, type Realm } from './realm.ts';
import type { Scheduler } from './scheduler.ts';

/** The nRF52 state that outlives a reset of the interpreter: RNG stream, battery, the hardware watchdog. */
export interface Chip {
  battery: number;
  /** Seeded stand-in for the hardware RNG: 32-bit words, deterministic per seed. */
  random(): number;
  watchdog: { timeoutMs: number; auto: boolean; kicks: number; item?: number } | undefined;
  resets: { t: number; reason: 'reset' | 'watchdog' | 'power' | 'reboot' }[];
}

/** mulberry32: tiny, fast and good enough to make IVs and nonces differ while staying reproducible. */
export function createChip(seed: number, battery: number): Chip {
  let s = seed >>> 0;
  return {
    battery,
    random() {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) | 0;
    },
    watchdog: undefined,
    resets: [],
  };
}

export interface EOptions {
  chip: Chip;
  scheduler: Scheduler;
  realm: Realm;
  /** Called when the watchdog bites or the code asks for a reboot. */
  reboot(reason: 'watchdog' | 'reboot'): void;
}

/** The `E` global for one boot, limited to what the simulator models truthfully (no E.getSizeOf: see docs). */
export function createE(o: EOptions): { E: Record<string, unknown>; emit(event: string): void } {
  const handlers: Record<string, ((...args: unknown[]) => void)[]> = {};

  function arm(): void {
    const w = o.chip.watchdog;
    if (w === undefined || w.auto) return;
    if (w.item !== undefined) o.scheduler.cancel(w.item);
    w.item = o.scheduler.at(o.scheduler.now() + w.timeoutMs, () => o.reboot('watchdog'));
  }
  // The hardware watchdog keeps running through a reset: the new boot must kick it in time too.
  arm();

  const bytes = (...args: unknown[]) => {
    const out: number[] = [];
    const add = (v: unknown): void => {
      if (typeof v === 'number') out.push(v & 255);
      else if (Array.isArray(v)) v.forEach(add);
      else for (const b of toHostBytes(v) ?? []) out.push(b);
    };
    args.forEach(add);
    return out;
  };

  const E: Record<string, unknown> = {
    hwRand: () => o.chip.random(),
    getBattery: () => o.chip.battery,
    enableWatchdog(timeout: unknown, isAuto: unknown) {
      // isAuto (the default) lets the idle loop kick it, which the simulator's always-returning JS never starves.
      o.chip.watchdog = { timeoutMs: (Number(timeout) || 1) * 1000, auto: isAuto !== false, kicks: 0 };
      arm();
    },
    kickWatchdog() {
      if (o.chip.watchdog === undefined) return;
      o.chip.watchdog.kicks++;
      arm();
    },
    toUint8Array: (...args: unknown[]) => o.realm.bytes(bytes(...args)),
    toArrayBuffer: (text: unknown) => o.realm.buffer(bytes(String(text))),
    toString: (...args: unknown[]) => String.fromCharCode(...bytes(...args)),
    reboot: () => o.reboot('reboot'),
    on(event: unknown, fn: unknown) {
      if (typeof fn === 'function') (handlers[String(event)] ??= []).push(fn as () => void);
    },
  };
  return {
    E,
    emit(event) {
      for (const fn of handlers[event] ?? []) o.scheduler.dispatch(() => fn());
    },
  };
}
