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

/** Seconds since boot, or since the last setTime. */
declare function getTime(): number;
declare function setTime(seconds: number): void;

interface EspruinoCharacteristic {
  value?: number[] | Uint8Array;
  maxLen?: number;
  readable?: boolean;
  writable?: boolean;
  notify?: boolean;
  onWrite?: (event: { data: ArrayBuffer }) => void;
}

/** The nRF52 BLE stack (absent on the Linux build of the interpreter: tests provide it). */
declare const NRF: {
  setServices(
    services: Record<string, Record<string, EspruinoCharacteristic>>,
    options: { uart: boolean; advertise: string[] },
  ): void;
  updateServices(services: Record<string, Record<string, EspruinoCharacteristic>>): void;
  setAdvertising(
    data: Record<string, unknown>,
    options: { name?: string; connectable?: boolean; manufacturer?: number; manufacturerData?: Uint8Array },
  ): void;
  /** "aa:bb:cc:dd:ee:ff random": applied by restarting the BLE stack once no device is connected. */
  setAddress(address: string): void;
  on(event: 'connect' | 'disconnect', handler: () => void): void;
  disconnect(): void;
};

declare function setWatch(
  callback: () => void,
  pin: EspruinoPin,
  options: { repeat: boolean; edge: 'rising' | 'falling' | 'both'; debounce?: number },
): number;

/** The module cache behind `require`: a Storage module dropped from it is freed once its last user lets go. */
declare const Modules: { removeCached(name: string): void };
