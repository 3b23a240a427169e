// The Espruino globals the board modules use, typed for TypeScript (https://www.espruino.com/Reference).
// Only firmware/src/boards/ may touch them (eslint.config.js enforces it).

/** A pin name such as "D1", or a Pin object. */
type EspruinoPin = string;

type EspruinoPinMode = 'input' | 'input_pulldown' | 'input_pullup' | 'output' | 'opendrain';

declare function digitalWrite(pin: EspruinoPin, value: number): void;
declare function digitalRead(pin: EspruinoPin): number;
declare function pinMode(pin: EspruinoPin, mode: EspruinoPinMode): void;

/** Pixl.js: the 128×64 1-bit LCD. */
declare const g: {
  clear(): void;
  drawString(text: string, x: number, y: number): void;
  flip(): void;
};
