/** One digital pin, ECMA-419 style: configured once at construction, then read, write, close. */
export interface DigitalIO {
  read(): number;
  write(value: number): void;
  close(): void;
}

/** A few lines of text for a person at the box (the Pixl.js LCD); boards without one have none. */
export interface TextDisplay {
  show(lines: string[]): void;
}

export interface OutputChannel {
  io: DigitalIO;
  activeLevel: 0 | 1;
}

/** The IO a board hands to the board-agnostic core. */
export interface Device {
  outputs: OutputChannel[];
  inputs: DigitalIO[];
  display?: TextDisplay;
}

/** An input that also reports its changes (on Espruino a debounced setWatch), so the core needs no polling. */
export interface DigitalInput extends DigitalIO {
  onChange?(listener: (level: number) => void): void;
}

/** Settings of a serial port, fixed when it is opened (ECMA-419: one options object, callbacks included). */
export interface UartOptions {
  baud: number;
  /** CONFIG `uartFraming`: bits 0..3 data bits (0 = 8), bits 4..5 parity (0 none, 1 odd, 2 even), bit 6 two stop bits. */
  framing: number;
  /** Bytes received, in the order they arrived, in chunks of any size. */
  onReadable(bytes: Uint8Array): void;
}

/** An open serial port. */
export interface Uart {
  write(bytes: Uint8Array): void;
  close(): void;
}

/** Timers on the box's monotonic clock; the core never names the global ones, so tests run on a virtual clock. */
export interface Timers {
  /** Monotonic milliseconds (never set, never jumps). */
  now(): number;
  /** Returns a truthy id (Espruino's start at 1; Node's are objects). */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** Small named files (Espruino Storage): whole-file writes, read back in one piece. */
export interface KeyValueStore {
  read(name: string): Uint8Array | undefined;
  write(name: string, bytes: Uint8Array): void;
  /** Removes the file; nothing happens when it is absent. */
  erase(name: string): void;
}
