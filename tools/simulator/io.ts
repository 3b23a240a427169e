import type { Scheduler } from './scheduler.ts';
import type { Level, Pins } from './pins.ts';

type Callback = (event: { state: boolean; time: number; lastTime: number | undefined; pin: string }) => void;

interface Watch {
  fn: Callback;
  pin: string;
  repeat: boolean;
  edge: 'rising' | 'falling' | 'both';
  debounce: number;
  lastState: Level | undefined;
  lastTime: number | undefined;
}

const edges: Record<string, Watch['edge']> = { rising: 'rising', '1': 'rising', falling: 'falling', '-1': 'falling', both: 'both', '0': 'both' };

/**
 * The Espruino pin functions for one boot: digitalWrite/Read, pinMode, digitalPulse (hardware timed, queued per
 * pin) and setWatch/clearWatch. Watches see every level change of their pin, as the GPIOTE hardware does.
 */
export function createIo(scheduler: Scheduler, pins: Pins, seconds: () => number): Record<string, unknown> {
  let nextWatch = 1;
  const watches = new Map<number, Watch>();

  function bits(pin: unknown, value: unknown, each: (name: string, level: Level) => void): void {
    if (Array.isArray(pin)) {
      // An array of pins takes the bits of `value`, the last pin being the least significant.
      for (let i = 0; i < pin.length; i++) each(pins.name(pin[i]), ((Number(value) >> (pin.length - 1 - i)) & 1) as Level);
    } else {
      each(pins.name(pin), value ? 1 : 0);
    }
  }

  function fire(watch: Watch, id: number, level: Level): void {
    if (level === watch.lastState) return;
    watch.lastState = level;
    if ((watch.edge === 'rising' && level !== 1) || (watch.edge === 'falling' && level !== 0)) return;
    if (!watch.repeat) watches.delete(id);
    const event = { state: level === 1, time: seconds(), lastTime: watch.lastTime, pin: watch.pin };
    watch.lastTime = event.time;
    scheduler.dispatch(() => watch.fn(event));
  }

  pins.listen((pin, level) => {
    if (level === undefined) return;
    for (const [id, watch] of watches) {
      if (watch.pin !== pin) continue;
      if (watch.debounce <= 0) fire(watch, id, level);
      // Debounced: reported only if the pin still holds the level once it has been stable for `debounce` ms.
      else scheduler.at(scheduler.now() + watch.debounce, () => {
        if (watches.get(id) === watch && pins.state(pin).level === level) fire(watch, id, level);
      });
    }
  });

  function pulse(pin: unknown, value: unknown, times: unknown): void {
    const name = pins.name(pin);
    const list = (Array.isArray(times) ? times : [times]).map((t) => Number(t));
    const s = pins.state(name);
    if (list.length === 1 && !(list[0]! > 0)) {
      // A zero time waits (busy, no JS runs) until the queued pulses on this pin have finished.
      scheduler.jumpTo(s.pulseEnd);
      return;
    }
    const start = Math.max(scheduler.now(), s.pulseEnd);
    let level: Level = value ? 1 : 0;
    let at = start;
    const edges: [number, Level][] = [[start, level]];
    for (const t of list) {
      at += t;
      level = level === 1 ? 0 : 1;
      edges.push([at, level]);
    }
    s.pulseEnd = at;
    for (const [t, l] of edges) {
      if (t === scheduler.now()) pins.drive(name, l, 'pulse');
      else scheduler.at(t, () => pins.drive(name, l, 'pulse'));
    }
  }

  return {
    digitalWrite: (pin: unknown, value: unknown) => bits(pin, value, (name, level) => pins.drive(name, level, 'write')),
    digitalRead(pin: unknown) {
      let out = 0;
      const list = Array.isArray(pin) ? pin : [pin];
      for (const p of list) out = (out << 1) | (pins.state(pins.name(p)).level === 1 ? 1 : 0);
      return out;
    },
    pinMode: (pin: unknown, mode: unknown) => {
      const name = typeof mode === 'string' ? mode : 'auto';
      pins.setMode(pins.name(pin), name === 'auto' ? 'input' : name, name !== 'auto');
    },
    getPinMode: (pin: unknown) => pins.state(pins.name(pin)).mode,
    digitalPulse: pulse,
    setWatch(fn: unknown, pin: unknown, options: unknown) {
      if (typeof fn !== 'function') throw new TypeError('setWatch needs a function');
      const o = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
      const name = pins.name(pin);
      const id = nextWatch++;
      watches.set(id, {
        fn: fn as Callback, pin: name, repeat: o.repeat === true, edge: edges[String(o.edge === undefined ? 'both' : o.edge)] ?? 'both',
        debounce: Number(o.debounce) || 0, lastState: pins.state(name).level ?? 0, lastTime: undefined,
      });
      return id;
    },
    clearWatch(id: unknown) {
      if (id === undefined) watches.clear();
      else watches.delete(Number(id));
    },
  };
}
