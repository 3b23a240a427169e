import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createContext, runInContext, type Context } from 'node:vm';
import type { BoardData } from '../../firmware/src/core/board.ts';
import { createRadio, type BleTrace, type Link } from './ble.ts';
import { createChip, createE, type Chip } from './chip.ts';
import { createCryptoModule } from './crypto.ts';
import { SimulatorError } from './errors.ts';
import { bridgeStorage } from './flash-bridge.ts';
import { createLcd, type Lcd } from './graphics.ts';
import { createIo } from './io.ts';
import { pinGlobals } from './pin-objects.ts';
import { createPins, type Level, type PinEvent, type PinState } from './pins.ts';
import { createRealm } from './realm.ts';
import { applyRefusals, checkSyntax } from './refusals.ts';
import { createScheduler } from './scheduler.ts';
import { createSerial, type UartTrace } from './serial.ts';
import { createTimers, type Timers } from './timers.ts';
import { formatLog } from './console.ts';
import { untokenise } from './pretokens.ts';
import { createStorage } from './storage.ts';

export interface SimulatedBoxOptions {
  board: BoardData;
  /**
   * A built bundle: build/<board>/firmware.js, or the pretokenised firmware.min.js; or give `code`. The build's
   * Storage modules beside it (modules/<name>.min.js) are written to Storage unless it already holds them.
   */
  bundlePath?: string;
  code?: string;
  /** What require("Storage") serves (persists across reset()): default, flash of the board's Storage size. */
  storage?: object;
  /** Seeds E.hwRand (default 1): runs are reproducible. */
  seed?: number;
  /** E.getBattery() in percent (default 100; setBattery changes it). */
  battery?: number;
}

export interface SimulatedBox {
  readonly board: BoardData;
  /** Virtual milliseconds since the simulation started (traces use it; it runs on through resets). */
  now(): number;
  /** Runs timers, pulse edges and watches due in the next `ms` virtual milliseconds, in order. */
  advance(ms: number): void;
  pinTrace: PinEvent[];
  pin(name: string): PinState;
  /** The outside world drives an input pin (watches fire on its edges). */
  setInput(pin: string, level: Level): void;
  uart: UartTrace;
  uartReceive(bytes: ArrayLike<number>): void;
  /** Pixl.js only: the panel `g` draws on. */
  lcd: Lcd | undefined;
  ble: BleTrace;
  /** A wallet connects (default MTU 23: 20-byte chunks). */
  connect(options?: { mtu?: number }): Link;
  /** Lines printed by console.log, uncaught errors and native ERROR messages, in order. */
  console: string[];
  /** Exceptions no code caught (the interpreter prints them and carries on). */
  errors: unknown[];
  chip: Chip;
  setBattery(percent: number): void;
  /** JS timers the running boot has. */
  activeTimers(): number;
  /** A reboot: RAM, timers, watches and the link are lost; the bundle runs again on the same Storage. */
  reset(): void;
  /** Power lost and back: as reset(), and the hardware watchdog stops. Torn flash writes are the storage's. */
  powerCut(): void;
}

const ESPRUINO_VERSION = '2v29';

/** The part of a Storage the simulator itself reads and writes (the firmware gets the whole object). */
interface FileStore {
  read(name: string): string | undefined;
  write(name: string, data: Uint8Array): unknown;
}

/** As `waygo flash` does: each module file of the build (modules/<name>.min.js) becomes the Storage file <name>. */
function flashModules(storage: FileStore, dir: string): void {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir)) {
    const name = file.endsWith('.min.js') ? file.slice(0, -'.min.js'.length) : undefined;
    if (name !== undefined && storage.read(name) === undefined) storage.write(name, new Uint8Array(readFileSync(join(dir, file))));
  }
}

/**
 * As Espruino's require does for a Storage file: runs its code with `exports` and `module` in scope and answers
 * the exports (undefined when there is no such file).
 */
function storageModule(context: Context, storage: FileStore, name: string): unknown {
  const stored = storage.read(name);
  if (stored === undefined) return undefined;
  const code = untokenise(stored);
  checkSyntax(code, name);
  const run = runInContext(`(function (exports, module) {\n${code}\n})`, context, { filename: name }) as (exports: object, module: object) => void;
  const exports = runInContext('({})', context) as object;
  run(exports, { exports });
  return exports;
}

export function createSimulatedBox(options: SimulatedBoxOptions): SimulatedBox {
  const code = options.code ?? (options.bundlePath !== undefined ? untokenise(readFileSync(options.bundlePath, 'latin1')) : undefined);
  if (code === undefined) throw new SimulatorError('bad_argument', 'give bundlePath or code');
  const filename = options.bundlePath ?? `${options.board.id}/firmware.js`;
  checkSyntax(code, filename);

  const board = options.board;
  const storage = options.storage ?? createStorage(board.storageBytes);
  if (options.bundlePath !== undefined) flashModules(storage as FileStore, join(dirname(options.bundlePath), 'modules'));
  const consoleLines: string[] = [];
  const errors: unknown[] = [];
  // process.on('uncaughtException') handlers of the running firmware; like Espruino, a handled error is not printed.
  let uncaughtHandlers: ((error: unknown) => void)[] = [];
  const uncaught = (error: unknown) => {
    errors.push(error);
    if (uncaughtHandlers.length === 0) consoleLines.push('Uncaught ' + String(error));
    else for (const handler of uncaughtHandlers) handler(error);
  };
  const scheduler = createScheduler(uncaught);
  const pins = createPins(scheduler);
  const serial = createSerial(scheduler);
  const radio = createRadio(scheduler);
  const lcd = board.espruinoBoard === 'PIXLJS' ? createLcd() : undefined;
  const chip = createChip(options.seed ?? 1, options.battery ?? 100);
  let bootAt = 0;
  let clockOffset = 0;
  let timers: Timers | undefined;

  function globalsFor(context: Context, reboot: (reason: 'watchdog' | 'reboot') => void): { globals: Record<string, unknown>; emit(event: string): void } {
    const realm = createRealm(context);
    const seconds = () => (scheduler.now() - bootAt) / 1000 + clockOffset;
    const io = createIo(scheduler, pins, seconds);
    const e = createE({ chip, scheduler, realm, reboot });
    timers = createTimers(scheduler);
    const log = (...args: unknown[]) => void consoleLines.push(formatLog(args));
    const modules: Record<string, () => unknown> = {
      crypto: () => createCryptoModule(board.espruinoBoard, realm, (line) => consoleLines.push(line)),
      Storage: () => bridgeStorage(storage, realm),
    };
    const cache: Record<string, unknown> = {};
    const fromStorage = (name: string) => cache[name] ?? (cache[name] = storageModule(context, storage as FileStore, name));
    const globals: Record<string, unknown> = {
      ...io,
      ...pinGlobals(io, board),
      ...timers.globals,
      getTime: seconds,
      setTime: (s: unknown) => void (clockOffset = Number(s) - (scheduler.now() - bootAt) / 1000),
      E: e.E,
      NRF: radio.object(realm),
      Serial1: serial.object(),
      console: { log, info: log, warn: log, error: log, debug: log },
      process: {
        version: ESPRUINO_VERSION,
        env: { VERSION: ESPRUINO_VERSION, BOARD: board.espruinoBoard },
        on(event: unknown, fn: unknown) {
          if (event === 'uncaughtException' && typeof fn === 'function') uncaughtHandlers.push(fn as (error: unknown) => void);
        },
      },
      require(name: unknown) {
        const make = modules[String(name)];
        if (make !== undefined) return make();
        const exported = fromStorage(String(name));
        if (exported === undefined) throw new Error(`Module ${String(name)} not found`);
        return exported;
      },
      Modules: { removeCached: (name: unknown) => void delete cache[String(name)] },
    };
    if (lcd !== undefined) globals.g = lcd.object();
    return { globals, emit: e.emit };
  }

  function boot(first: boolean): void {
    uncaughtHandlers = [];
    bootAt = scheduler.now();
    clockOffset = 0;
    const context = createContext({});
    applyRefusals(context);
    const reboot = (reason: 'watchdog' | 'reboot') => void scheduler.at(scheduler.now(), () => restart(reason));
    const made = globalsFor(context, reboot);
    Object.assign(runInContext('this', context) as object, made.globals);
    try {
      scheduler.dispatch(() => runInContext(code!, context, { filename }));
    } finally {
      if (first && errors.length > 0) throw new SimulatorError('boot_failed', `${filename}: Uncaught ${String(errors[0])}`);
    }
    made.emit('init');
  }

  function restart(reason: 'reset' | 'watchdog' | 'power' | 'reboot'): void {
    chip.resets.push({ t: scheduler.now(), reason });
    scheduler.clear();
    timers?.clear();
    pins.reset();
    radio.reset();
    if (reason === 'power') chip.watchdog = undefined;
    boot(false);
  }

  boot(true);
  return {
    board,
    now: scheduler.now,
    advance: scheduler.advance,
    pinTrace: pins.trace,
    pin: pins.state,
    setInput: pins.setInput,
    uart: serial.trace,
    uartReceive: serial.receive,
    lcd,
    ble: radio.trace,
    connect: radio.connect,
    console: consoleLines,
    errors,
    chip,
    setBattery: (percent) => void (chip.battery = percent),
    activeTimers: () => timers?.active() ?? 0,
    reset: () => restart('reset'),
    powerCut: () => restart('power'),
  };
}
