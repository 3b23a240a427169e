/**
 * Espruino's Pin objects (D0…D31, LED1, BTN1…): each prints as its name, so every pin function accepts it
 * where it accepts the name. Methods call the same functions the globals are.
 */
export function pinGlobals(io: Record<string, unknown>, board: { leds: string[]; buttons: string[]; pins: { outputs: string[]; inputs: string[] } }): Record<string, unknown> {
  const write = io.digitalWrite as (pin: string, value: unknown) => void;
  const read = io.digitalRead as (pin: string) => number;
  const mode = io.pinMode as (pin: string, mode: unknown) => void;
  const getMode = io.getPinMode as (pin: string) => string;
  const made = new Map<string, object>();

  function Pin(name: unknown): object {
    const key = String(name);
    let pin = made.get(key);
    if (pin === undefined) {
      pin = {
        toString: () => key,
        read: () => read(key),
        write: (value: unknown) => write(key, value),
        set: () => write(key, 1),
        reset: () => write(key, 0),
        toggle: () => {
          const next = read(key) ? 0 : 1;
          write(key, next);
          return next === 1;
        },
        mode: (m: unknown) => mode(key, m),
        getMode: () => getMode(key),
      };
      made.set(key, pin);
    }
    return pin;
  }

  const globals: Record<string, unknown> = { Pin };
  for (let i = 0; i < 32; i++) globals['D' + i] = Pin('D' + i);
  for (const name of [...board.pins.outputs, ...board.pins.inputs]) globals[name] = Pin(name);
  board.leds.forEach((name, i) => (globals['LED' + (i + 1)] = Pin(name)));
  board.buttons.forEach((name, i) => (globals['BTN' + (i + 1)] = Pin(name)));
  if (board.buttons[0] !== undefined) globals.BTN = Pin(board.buttons[0]);
  if (board.leds[0] !== undefined) globals.LED = Pin(board.leds[0]);
  return globals;
}
