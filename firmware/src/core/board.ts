/**
 * A board as plain data (ECMA-419 style): pins, display and crypto capability. Pins are Espruino pin
 * names ("D1", "H0") so the data also loads in Node, where tests and build tools read it.
 */
export interface BoardData {
  id: string;
  product: string;
  /** The board name the Espruino tools know (PUCKJS, PIXLJS, MDBT42Q). */
  espruinoBoard: string;
  /** The board's id on the wire (BOARD in shared/protocol), reported in INFO. */
  wireId: number;
  /** Flash for saved code and data (.bootcde, the log, keys). */
  storageBytes: number;
  pins: {
    outputs: string[];
    inputs: string[];
    uart: { tx: string; rx: string };
  };
  /** Level that drives a machine input until configuration says otherwise; outputs boot at the other level. */
  outputActiveLevel: 0 | 1;
  leds: string[];
  buttons: string[];
  display: 'lcd' | 'leds';
  /** Native primitives of the board's Espruino build; anything missing needs a JS fallback. */
  crypto: { sha1: boolean; sha256: boolean; aes: boolean };
}
