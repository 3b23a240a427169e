// Open windows (paid time, locker rentals) kept across a reset: one file per output holding the wall-clock end
// (uint32 Unix seconds, 0 when the clock was unset) and the payment's plaintext, so a window dropped at boot can
// still be logged with its wallet and amount for the refund.
import { readUint, writeUint } from '../../../../shared/bytes/int.ts';
import { KIND } from '../../../../shared/protocol/constants.ts';
import { decodeFields, encodeFields } from '../../../../shared/protocol/layout.ts';
import { KIND_LAYOUTS } from '../../../../shared/protocol/telegram-layout.ts';
import type { Fields } from '../../../../shared/protocol/types.ts';
import type { KeyValueStore } from '../io.ts';

export const WINDOW_FILE = 'waygo.win';
const PAYMENT_LAYOUT = KIND_LAYOUTS[KIND.PAYMENT]!;

export interface StoredWindow {
  endsAt: number;
  payment: Fields;
}

export function saveWindow(store: KeyValueStore, output: number, endsAt: number, payment: Fields): void {
  const head = new Uint8Array(4);
  writeUint(head, 0, 4, endsAt);
  store.write(WINDOW_FILE + output, encodeFields(PAYMENT_LAYOUT, payment, head));
}

/** The stored window of `output`, or undefined when there is none or the file is damaged. */
export function loadWindow(store: KeyValueStore, output: number): StoredWindow | undefined {
  const bytes = store.read(WINDOW_FILE + output);
  if (bytes === undefined || bytes.length < 4) return undefined;
  const payment = decodeFields(PAYMENT_LAYOUT, bytes, 4, bytes.length);
  return typeof payment === 'number' ? undefined : { endsAt: readUint(bytes, 0, 4), payment: payment };
}

export function eraseWindow(store: KeyValueStore, output: number): void {
  store.erase(WINDOW_FILE + output);
}
