import type { Scheduler } from './scheduler.ts';

export type Level = 0 | 1;

/** One change of a pin's level at a virtual time; `undefined` level = released (floating input after a reset). */
export interface PinEvent {
  t: number;
  pin: string;
  level: Level | undefined;
  source: 'write' | 'pulse' | 'mode' | 'input' | 'reset';
}

export interface PinState {
  mode: string;
  /** Set by pinMode with a mode other than "auto": digitalWrite/digitalRead then leave the mode alone. */
  forced: boolean;
  out: Level | undefined;
  external: Level | undefined;
  level: Level | undefined;
  /** Virtual time at which this pin's queued digitalPulse ends. */
  pulseEnd: number;
}

/** Pins of one simulated chip: they keep their state across a reset except what reset() releases. */
export interface Pins {
  trace: PinEvent[];
  state(pin: string): PinState;
  /** Any Espruino pin argument (a name or a Pin object) as its name. */
  name(pin: unknown): string;
  setMode(pin: string, mode: string, forced: boolean): void;
  drive(pin: string, level: Level, source: PinEvent['source']): void;
  setInput(pin: string, level: Level): void;
  /** Sets the one listener for level changes (each boot's watches replace the previous boot's). */
  listen(listener: (pin: string, level: Level | undefined) => void): void;
  /** A reset releases every pin (inputs, no pull) and forgets queued pulses. */
  reset(): void;
}

const pulledLevel: Record<string, Level> = { input_pulldown: 0, input_pullup: 1, opendrain_pullup: 1 };

function isDriven(mode: string): boolean {
  return mode === 'output' || mode === 'af_output' || mode === 'opendrain' || mode === 'af_opendrain' || mode === 'opendrain_pullup';
}

export function createPins(scheduler: Scheduler): Pins {
  const states = new Map<string, PinState>();
  let listener: (pin: string, level: Level | undefined) => void = () => undefined;
  const trace: PinEvent[] = [];

  function state(pin: string): PinState {
    let s = states.get(pin);
    if (s === undefined) {
      s = { mode: 'input', forced: false, out: undefined, external: undefined, level: undefined, pulseEnd: 0 };
      states.set(pin, s);
    }
    return s;
  }

  function settle(pin: string, source: PinEvent['source']): void {
    const s = state(pin);
    // Open drain only pulls low; released, it reads the outside level (or its pull-up).
    const opendrainHigh = s.mode.indexOf('opendrain') >= 0 && s.out === 1;
    const level = isDriven(s.mode) && !opendrainHigh ? s.out : s.external !== undefined ? s.external : pulledLevel[s.mode];
    if (level === s.level) return;
    s.level = level;
    trace.push({ t: scheduler.now(), pin, level, source });
    listener(pin, level);
  }

  return {
    trace,
    state,
    name(pin) {
      if (typeof pin === 'string') return pin;
      if (pin !== null && typeof pin === 'object' && typeof (pin as { toString?: unknown }).toString === 'function') return String(pin);
      throw new TypeError('not a pin: ' + String(pin));
    },
    setMode(pin, mode, forced) {
      const s = state(pin);
      s.mode = mode;
      s.forced = forced;
      settle(pin, 'mode');
    },
    drive(pin, level, source) {
      const s = state(pin);
      s.out = level;
      if (!s.forced && !isDriven(s.mode)) s.mode = 'output';
      settle(pin, source);
    },
    setInput(pin, level) {
      state(pin).external = level;
      settle(pin, 'input');
    },
    listen(next) {
      listener = next;
    },
    reset() {
      for (const [pin, s] of states) {
        s.mode = 'input';
        s.forced = false;
        s.out = undefined;
        s.pulseEnd = 0;
        settle(pin, 'reset');
      }
    },
  };
}
