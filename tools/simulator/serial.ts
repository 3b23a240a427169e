import { toHostBytes } from './realm.ts';
import type { Scheduler } from './scheduler.ts';

export interface UartEvent {
  t: number;
  direction: 'tx' | 'rx';
  bytes: Uint8Array;
}

export interface UartTrace {
  /** Every setup call, latest last. */
  setups: { t: number; baud: number; options: Record<string, unknown> }[];
  events: UartEvent[];
  /** Bytes received while nothing listened (Espruino keeps them for read(); the test sees them here too). */
  unread: number[];
}

export interface Serial {
  trace: UartTrace;
  /** The `Serial1` global for one boot. */
  object(): Record<string, unknown>;
  /** The machine on the other end sends bytes: a `data` event with a binary string, as Espruino delivers. */
  receive(bytes: ArrayLike<number>): void;
}

function binaryString(bytes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]! & 255);
  return s;
}

/** Serial1: setup, write/print/println, on('data'), read/available; transmitted and received bytes are traced. */
export function createSerial(scheduler: Scheduler): Serial {
  const trace: UartTrace = { setups: [], events: [], unread: [] };
  let handlers: ((data: string) => void)[] = [];
  let open = false;

  function send(data: unknown): void {
    const bytes = typeof data === 'number' ? new Uint8Array([data & 255]) : toHostBytes(data, true);
    if (bytes === undefined) throw new TypeError('Serial1.write: not bytes');
    if (open) trace.events.push({ t: scheduler.now(), direction: 'tx', bytes });
  }

  return {
    trace,
    object() {
      handlers = [];
      open = false;
      trace.unread.splice(0);
      return {
        setup(baud: unknown, options: unknown) {
          open = true;
          trace.setups.push({ t: scheduler.now(), baud: Number(baud) || 9600, options: (options ?? {}) as Record<string, unknown> });
        },
        write(...args: unknown[]) {
          for (const a of args) send(a);
        },
        print: (text: unknown) => send(String(text)),
        println: (text: unknown) => send(String(text) + '\r\n'),
        on(event: unknown, fn: unknown) {
          if (event === 'data' && typeof fn === 'function') handlers.push(fn as (data: string) => void);
        },
        removeAllListeners: () => void (handlers = []),
        available: () => trace.unread.length,
        read(chars: unknown) {
          const n = chars === undefined ? trace.unread.length : Math.min(Number(chars), trace.unread.length);
          return binaryString(trace.unread.splice(0, n));
        },
      };
    },
    receive(bytes) {
      const copy = Uint8Array.from(bytes);
      trace.events.push({ t: scheduler.now(), direction: 'rx', bytes: copy });
      // A closed UART (no setup since boot) receives nothing.
      if (!open) return;
      if (handlers.length === 0) {
        for (const b of copy) trace.unread.push(b);
        return;
      }
      const data = binaryString(copy);
      for (const handler of handlers) scheduler.dispatch(() => handler(data));
    },
  };
}
