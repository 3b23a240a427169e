import type { LoadModule } from '../modules.ts';

/** A 1-bit image as Espruino's Graphics takes it: pixels MSB first, rows back to back with no padding. */
export interface MonoImage {
  width: number;
  height: number;
  bpp: 1;
  buffer: ArrayBuffer;
}

/**
 * The drawing surface the screens need: Espruino's Graphics `g` on the Pixl.js (boards/espruino/lcd.ts), a
 * recording fake or a pixel buffer in tests. 128×64, 1 = dark; text in the 6×8 font scaled 1 or 2.
 */
export interface Gfx {
  clear(): void;
  drawString(text: string, x: number, y: number, scale: number): void;
  drawImage(image: MonoImage, x: number, y: number, scale: number): void;
  flip(): void;
}

/** Amount in minor units, ISO 4217 numeric currency, as telegrams and log records carry them. */
export interface Payment {
  amount: number;
  currency: number;
  walletId: number;
}

/** One transaction log record as the log screen shows it; `time` is Unix seconds (0 while the clock was unset). */
export interface LogEntry {
  seq: number;
  time: number;
  amount: number;
  currency: number;
  /** RECEIPT status (STATUS in shared/protocol). */
  result: number;
}

/** What a Pixl.js box shows. The machine layer sets the screen; buttons move between idle and the log. */
export type Screen =
  | { kind: 'idle'; amount: number }
  | { kind: 'paying'; payment: Payment }
  | { kind: 'result'; outcome: 'paid' | 'refused' | 'error'; code: number; payment?: Payment }
  | { kind: 'counter'; payment: Payment }
  | { kind: 'log'; index: number };

/** Display settings from the box configuration. */
export interface DisplayConfig {
  merchant: string;
  /** The box's static EMV payload as the cloud encoded it (shared/emv `encode`), CRC included; '' when unset. */
  template: string;
  currency: number;
  /** Minor units one Prev/Next press adds to or takes off the requested amount on the idle screen; 0 = no entry. */
  amountStep: number;
}

/** What drawing a screen reads besides the screen itself. */
export interface DisplayContext {
  config: DisplayConfig;
  logCount: number;
  /** Log record `index` (0 = oldest kept), or undefined when unreadable. */
  readRecord(index: number): LogEntry | undefined;
  /** The board's module loader: the idle screen loads the QR encoder only when its payload changes. */
  load: LoadModule;
}
