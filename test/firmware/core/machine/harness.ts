// Fake IO for the machine tests: outputs that record a (time, pin, level) trace, inputs a test can change, a
// key-value store in a Map, a UART that records frames, and timers on a virtual clock the test advances.
import type { Fields } from '../../../../shared/protocol/index.ts';
import { createMachine } from '../../../../firmware/src/core/machine/index.ts';
import type { Machine, MachineOptions } from '../../../../firmware/src/core/machine/index.ts';
import type { DigitalInput, KeyValueStore, UartOptions } from '../../../../firmware/src/core/io.ts';
import type { BoxState } from '../../../../firmware/src/core/session/index.ts';
import { loadInNode } from '../load-in-node.ts';

export const UNIX = 1_800_000_000;

export interface Edge {
  t: number;
  pin: number;
  level: number;
}

export interface VirtualTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  /** Runs every timer due within `ms`, in time order, and moves the clock to the end. */
  advance(ms: number): void;
  pending(): number;
}

export function virtualTimers(): VirtualTimers {
  let now = 0;
  let nextId = 1;
  let queue: { id: number; at: number; run: () => void }[] = [];
  return {
    now: () => now,
    setTimeout(run, ms) {
      const id = nextId++;
      queue.push({ id, at: now + Math.max(0, ms), run });
      return id;
    },
    clearTimeout(id) {
      // Espruino clears every timer when given no id: the machine must never do that.
      if (id === undefined) throw new Error('clearTimeout without an id');
      queue = queue.filter((entry) => entry.id !== id);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = queue.filter((entry) => entry.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0];
        if (due === undefined) break;
        queue = queue.filter((entry) => entry !== due);
        now = due.at;
        due.run();
      }
      now = until;
    },
    pending: () => queue.length,
  };
}

export function memoryStore(): KeyValueStore & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    read: (name) => files.get(name),
    write: (name, bytes) => void files.set(name, new Uint8Array(bytes)),
    erase: (name) => void files.delete(name),
  };
}

export function txn(n: number): Uint8Array {
  return new Uint8Array(8).fill(n);
}

/** A valid pay-by-count configuration; tests override what they exercise. */
export function config(overrides: Fields = {}): Fields {
  return {
    txnId: txn(0xc0), issuedAt: UNIX, expiresAt: 0, configVersion: 7, scenario: 2, outputMask: 0b0011, activeLevels: 0b0001,
    inputRoles: 0, pulseMs: 50, gapMs: 100, pulsesPerUnit: 2, rssiMin: 0, unitSeconds: 60, unitPrice: 100, currency: 392,
    maxAmount: 10_000, uartBaud: 9600, uartFraming: 8, options: 0, ...overrides,
  };
}

/** A payment matching `config()`: 1 unit of 100 JPY on output 0. */
export function payment(overrides: Fields = {}): Fields {
  return {
    txnId: txn(1), issuedAt: UNIX, expiresAt: 0, walletId: 42, amount: 100, currency: 392, scenario: 2, outputIndex: 0,
    units: 1, sku: 0, ...overrides,
  };
}

export interface Rig {
  machine: Machine;
  timers: VirtualTimers;
  store: ReturnType<typeof memoryStore>;
  state: BoxState;
  trace: Edge[];
  records: { fields: Fields; status: number }[];
  uartWrites: Uint8Array[];
  uart: UartOptions | undefined;
  unix: number;
  setInput(index: number, level: number): void;
  /** Pays and returns [status, detail] if the machine finished at once, else undefined until it does. */
  pay(fields: Fields): { status: number; detail: number } | undefined;
  /** Builds a new machine on the same store and pins, as after a reset (timers and wall clock start over). */
  reset(unix: number): Rig;
}

export interface RigOptions {
  store?: ReturnType<typeof memoryStore>;
  unix?: number;
  noUart?: boolean;
  trace?: Edge[];
  options?: Partial<MachineOptions>;
}

export function rig(options: RigOptions = {}): Rig {
  const timers = virtualTimers();
  const store = options.store ?? memoryStore();
  const trace: Edge[] = options.trace ?? [];
  const levels = [0, 0];
  const listeners: ((level: number) => void)[][] = [[], []];
  const inputs: DigitalInput[] = [0, 1].map((j) => ({
    read: () => levels[j]!,
    write: () => undefined,
    close: () => undefined,
    onChange: (listener: (level: number) => void) => void listeners[j]!.push(listener),
  }));
  const r: Rig = {
    machine: undefined as unknown as Machine,
    timers,
    store,
    state: { boardId: 1, firmwareVersion: 1, counter: 0, flags: 0, configVersion: 0, battery: 100, logCount: 0, logCapacity: 0 },
    trace,
    records: [],
    uartWrites: [],
    uart: undefined,
    unix: options.unix ?? UNIX,
    setInput(index, level) {
      levels[index] = level;
      for (const listener of listeners[index]!) listener(level);
    },
    pay(fields) {
      let result: { status: number; detail: number } | undefined;
      r.machine.pay(fields, (status, detail) => (result = { status, detail }));
      return result;
    },
    reset: (unix) => rig({ ...options, store, unix, trace }),
  };
  r.machine = createMachine({
    outputs: [0, 1, 2, 3].map((pin) => ({
      read: () => 0,
      write: (level: number) => void trace.push({ t: timers.now(), pin, level }),
      close: () => undefined,
    })),
    inputs,
    timers,
    store,
    state: r.state,
    load: loadInNode,
    unixNow: () => (r.unix === 0 ? 0 : r.unix + Math.floor(timers.now() / 1000)),
    record: (fields, status) => {
      r.records.push({ fields, status });
      return r.records.length;
    },
    openUart: options.noUart ? undefined : (uartOptions) => {
      r.uart = uartOptions;
      return { write: (bytes) => void r.uartWrites.push(bytes), close: () => (r.uart = undefined) };
    },
    ...options.options,
  });
  return r;
}

/** A rig configured with `config(overrides)`, its boot writes cleared from the trace. */
export function configured(overrides: Fields = {}, options: RigOptions = {}): Rig {
  const r = rig(options);
  const code = r.machine.configure(config(overrides));
  if (code !== 0) throw new Error('config refused: ' + code);
  r.trace.splice(0);
  return r;
}

/** Pulses on `pin` as [start, width] pairs, from the trace (active = level `active`). */
export function pulses(trace: Edge[], pin: number, active: number): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (const edge of trace) {
    if (edge.pin !== pin) continue;
    if (edge.level === active && start < 0) start = edge.t;
    else if (edge.level !== active && start >= 0) {
      out.push([start, edge.t - start]);
      start = -1;
    }
  }
  return out;
}
