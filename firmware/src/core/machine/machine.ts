// The six scenarios as one runner (docs/scenarios.md): a slot per output holds its payment, its window end and
// its pulse queue, and a switch on the configured scenario decides what a payment does to it. One closure rather
// than a class per scenario keeps the box's flash cost to one set of helpers.
import { equalBytes } from '../../../../shared/crypto/constant-time.ts';
import { FLAG, KIND, SCENARIO, STATUS } from '../../../../shared/protocol/constants.ts';
import { ERR } from '../../../../shared/protocol/errors.ts';
import { decodeFields, encodeFields } from '../../../../shared/protocol/layout.ts';
import { KIND_LAYOUTS } from '../../../../shared/protocol/telegram-layout.ts';
import type { Fields } from '../../../../shared/protocol/types.ts';
import { CONFIG_FILE, ROLE, paymentError, type Numbers } from './config.ts';
import { DEFAULT_ACK_SECONDS, createDigitalLink } from './digital.ts';
import type { Machine, MachineFinish, MachineOptions } from './types.ts';
import { eraseWindow, loadWindow, saveWindow } from './window-store.ts';

const OUTPUTS = 4;
const CONFIG_LAYOUT = KIND_LAYOUTS[KIND.CONFIG]!;

interface Slot {
  /** The payment owning the output: its window is open or its pulses are still queued. */
  f: Fields | undefined;
  /** Monotonic ms at which the window closes; 0 = no window. */
  end: number;
  /** Window timer and pulse timer (falsy: none). */
  t: unknown;
  p: unknown;
  /** Pulses still to send. */
  n: number;
}

/** Loads the stored configuration (outputs driven inactive), resumes or drops stored windows, watches inputs. */
export function createMachine(o: MachineOptions): Machine {
  const timers = o.timers;
  const slots: Slot[] = [];
  // Empty until configured: every number read from it is then undefined, which drives nothing and matches nothing.
  let cfg: Numbers = {};

  // Guarded: Espruino's clearTimeout without an id clears every timer.
  function clear(id: unknown): void {
    if (id) timers.clearTimeout(id);
  }

  // Only outputs the configuration drives are touched: the others may be wired to something else.
  function drive(i: number, on: boolean): void {
    if ((cfg.outputMask! >> i) & 1) {
      const active = (cfg.activeLevels! >> i) & 1;
      o.outputs[i]!.write(on ? active : 1 - active);
    }
  }

  function inputActive(role: number): boolean {
    for (let j = 0; j < o.inputs.length; j++) if (((cfg.inputRoles! >> (4 * j)) & 15) === role && o.inputs[j]!.read()) return true;
    return false;
  }

  function sync(): void {
    const s = o.state;
    let flags = s.flags & ~(FLAG.ACTIVATED | FLAG.BUSY | FLAG.MACHINE_FAULT | FLAG.SCENARIO_MASK);
    if (cfg.scenario) flags |= FLAG.ACTIVATED | (cfg.scenario << FLAG.SCENARIO_SHIFT);
    if (inputActive(ROLE.BUSY) || link.pending()) flags |= FLAG.BUSY;
    if (inputActive(ROLE.FAULT)) flags |= FLAG.MACHINE_FAULT;
    s.flags = flags;
    s.configVersion = cfg.configVersion || 0;
  }

  function log(f: Fields, status: number): number {
    o.state.counter++;
    return o.record(f, status);
  }

  // A pulse, then a gap before the next one, so two queued series never merge into one long pulse.
  function step(i: number): void {
    const s = slots[i]!;
    s.p = 0;
    if (s.n <= 0) {
      if (!s.end) s.f = undefined;
      return;
    }
    s.n--;
    drive(i, true);
    s.p = timers.setTimeout(function () {
      drive(i, false);
      s.p = timers.setTimeout(function () {
        step(i);
      }, cfg.gapMs!);
    }, cfg.pulseMs!);
  }

  function pulse(i: number, count: number): void {
    const s = slots[i]!;
    s.n += count;
    if (!s.p) step(i);
  }

  function arm(i: number): void {
    const s = slots[i]!;
    clear(s.t);
    s.t = timers.setTimeout(function () {
      s.t = 0;
      stop(i, true);
    }, Math.max(0, s.end - timers.now()));
  }

  // Opens or extends the window; its wall-clock end is stored so a reset can resume it. With the clock unset the
  // end is stored as 0, which a reset drops (fail safe, below).
  function open(i: number, f: Fields, ms: number): void {
    const s = slots[i]!;
    s.end = (s.end || timers.now()) + ms;
    s.f = f;
    arm(i);
    const unix = o.unixNow();
    saveWindow(o.store, i, unix && unix + Math.ceil((s.end - timers.now()) / 1000), f);
  }

  // Ends whatever runs on output i; `ended`: the window ran out, so a once locker opens for the last time.
  function stop(i: number, ended: boolean): void {
    const s = slots[i]!;
    clear(s.t);
    clear(s.p);
    s.t = s.p = s.f = undefined;
    s.n = s.end = 0;
    eraseWindow(o.store, i);
    drive(i, false);
    if (ended && cfg.scenario === SCENARIO.ONCE_LOCKER) pulse(i, 1);
  }

  function halt(): void {
    const lost: Fields[] = [];
    for (let i = 0; i < OUTPUTS; i++) {
      const s = slots[i]!;
      if (s.end) lost.push(s.f!);
      stop(i, false);
    }
    link.abort(STATUS.MACHINE_FAILED, ERR.MACHINE_FAULT);
    sync();
    // Logged after every output is safe: a failing log must not leave one active.
    for (let k = 0; k < lost.length; k++) log(lost[k]!, STATUS.MACHINE_FAILED);
  }

  function pay(f: Fields, finish: MachineFinish): void {
    sync();
    const flags = o.state.flags;
    const e = paymentError(cfg.scenario ? cfg : undefined, f) ||
      (flags & FLAG.MACHINE_FAULT ? ERR.MACHINE_FAULT : flags & FLAG.BUSY ? ERR.BUSY : 0);
    if (e) return finish(STATUS.REFUSED, e);
    const scenario = cfg.scenario;
    const i = f.outputIndex as number;
    const units = f.units as number;
    const s = slots[i]!;
    if (scenario === SCENARIO.DIGITAL_INTERFACE) return link.vend(f, cfg.options || DEFAULT_ACK_SECONDS, finish);
    if (scenario === SCENARIO.PAY_BY_COUNT) {
      s.f = f;
      pulse(i, units * cfg.pulsesPerUnit!);
    } else if (scenario !== SCENARIO.MERCHANT_COUNTER) {
      const time = scenario === SCENARIO.PAY_BY_TIME;
      // A rented locker stays rented until its window ends or is cancelled; paid time is extended instead.
      if (s.end && !time) return finish(STATUS.REFUSED, ERR.BUSY);
      if (!s.end) drive(i, time);
      open(i, f, units * cfg.unitSeconds! * 1000);
      if (!time) pulse(i, 1);
    }
    finish(STATUS.OK, 0);
  }

  function watch(j: number): void {
    const input = o.inputs[j]!;
    if (input.onChange) {
      input.onChange(function (level) {
        const role = (cfg.inputRoles! >> (4 * j)) & 15;
        if (level && role === ROLE.FAULT) halt();
        if (level && role === ROLE.OPEN && cfg.scenario === SCENARIO.MULTI_LOCKER) {
          // One button serves the box: it opens every locker whose window is open (one door in the usual install).
          for (let i = 0; i < OUTPUTS; i++) if (slots[i]!.end) pulse(i, 1);
        }
        sync();
      });
    }
  }

  // A window stored before a reset resumes only when its end is known in wall time and the clock is set again
  // (a board whose clock survives the reset sets it before creating the machine). Otherwise the box cannot tell
  // how much of it is left: it fails safe — the output stays inactive, the window is dropped and logged as
  // MACHINE_FAILED with the original payment, which is the cloud's signal to refund or send staff. A window that
  // ended while the box was down closes at once (a once locker still gets its end pulse).
  function resume(): void {
    const unix = o.unixNow();
    for (let i = 0; i < OUTPUTS; i++) {
      const w = loadWindow(o.store, i);
      if (!w) continue;
      const s = slots[i]!;
      if (!unix || !w.endsAt || w.payment.scenario !== cfg.scenario) {
        eraseWindow(o.store, i);
        log(w.payment, STATUS.MACHINE_FAILED);
      } else {
        s.f = w.payment;
        s.end = timers.now() + (w.endsAt - unix) * 1000;
        if (w.endsAt > unix) drive(i, cfg.scenario === SCENARIO.PAY_BY_TIME);
        arm(i);
      }
    }
  }

  function configure(f: Fields): boolean {
    if (!link.open(f.scenario === SCENARIO.DIGITAL_INTERFACE ? f : undefined)) return false;
    cfg = f as Numbers;
    for (let i = 0; i < OUTPUTS; i++) drive(i, false);
    sync();
    return true;
  }

  for (let i = 0; i < OUTPUTS; i++) slots.push({ f: undefined, end: 0, t: 0, p: 0, n: 0 });
  const link = createDigitalLink(o, sync);
  const stored = o.store.read(CONFIG_FILE);
  const loaded = stored && decodeFields(CONFIG_LAYOUT, stored, 0, stored.length);
  if (!(loaded && typeof loaded !== 'number' && !o.load('config').configError(loaded) && configure(loaded))) sync();
  resume();
  for (let j = 0; j < o.inputs.length; j++) watch(j);

  return {
    configure: function (f) {
      let busy = link.pending();
      for (let i = 0; i < OUTPUTS; i++) if (slots[i]!.f) busy = true;
      // Never under a running action: a new scenario or active level would strand the output it drives.
      const e = o.load('config').configError(f) || (busy ? ERR.BUSY : configure(f) ? 0 : ERR.BAD_FIELD);
      if (!e) o.store.write(CONFIG_FILE, encodeFields(CONFIG_LAYOUT, f));
      return e;
    },
    pay: pay,
    unlock: function (f) {
      const i = f.outputIndex as number;
      const s = slots[i];
      if (cfg.scenario !== SCENARIO.MULTI_LOCKER || !s || !s.end || !equalBytes(s.f!.txnId as Uint8Array, f.paymentTxnId as Uint8Array)) {
        return ERR.UNKNOWN_TXN;
      }
      sync();
      if (o.state.flags & FLAG.MACHINE_FAULT) return ERR.MACHINE_FAULT;
      pulse(i, 1);
      return 0;
    },
    cancel: function (f) {
      for (let i = 0; i < OUTPUTS; i++) {
        const s = slots[i]!;
        if (s.f && equalBytes(s.f.txnId as Uint8Array, f.cancelTxnId as Uint8Array)) {
          // A pulse already started ends at its full width: a cut one may or may not count as a coin.
          if (cfg.scenario === SCENARIO.PAY_BY_COUNT) s.n = 0;
          else stop(i, false);
          return 0;
        }
      }
      return ERR.UNKNOWN_TXN;
    },
    log: log,
    halt: halt,
  };
}
