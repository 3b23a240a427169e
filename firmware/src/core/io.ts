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
