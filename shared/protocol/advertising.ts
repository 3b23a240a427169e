// Advertising without a static identifier (docs/protocol.md, "Advertising"). The box shows an id that only the
// cloud, which holds every box's macKey, can map back to the box; it changes every window, and so does the BLE
// address. The box, the wallet SDK and the cloud share this file, so it stays ES5-safe.
import { concatBytes } from '../bytes/concat.ts';
import { copyBytes } from '../bytes/copy.ts';
import { toHex } from '../bytes/hex.ts';
import { utf8Encode } from '../bytes/utf8.ts';
import { writeUint } from '../bytes/int.ts';
import { FLAG } from './constants.ts';
import { ERR } from './errors.ts';
import { decodeFields, encodeFields } from './layout.ts';

/** Bluetooth SIG company id 0xFFFF is reserved for tests; a product shipping in volume uses its own assigned id. */
export const ADV_COMPANY_ID = 0xffff;
export const ADV_FORMAT = 1;
export const ADV_LAYOUT = 'format:1 flags:1 advId*8';
export const ADV_ID_SIZE = 8;
/** Length of a window, in seconds of wall clock or, with the clock unset, of time since boot. */
export const ADV_WINDOW_SECONDS = 900;
/** With the clock unset, the id rotates this many windows after boot and then holds until the clock is set. */
export const ADV_UNSET_EPOCHS = 4;
/** Boots past the last one the cloud saw for which it keeps the clock-unset ids of a box. */
export const ADV_BOOTS_AHEAD = 2;
const ADV_LABEL = 'WG1/adv';
// Advertised flags byte: the four state bits HELLO carries in bits 0..3, the scenario in the high nibble.
const STATE_BITS = 0x0f; // FLAG.ACTIVATED | BUSY | CLOCK_UNSET | BATTERY_LOW

/** The window an id belongs to. */
export interface AdvWindow {
  /** False after the wall clock was lost (battery swap, reset): the window then counts from the boot. */
  clockSet: boolean;
  /** Clock set: floor(unix / 900). Clock unset: the boot counter. */
  counter: number;
  /** Clock unset: windows since boot, capped at ADV_UNSET_EPOCHS − 1. 0 with the clock set. */
  epoch: number;
}

export type Hmac = (key: Uint8Array, data: Uint8Array) => Uint8Array;

/** The window the box is in: by wall clock when it has one, else by boot counter and time since boot. */
export function advWindow(unixNow: number, bootCount: number, uptimeSeconds: number): AdvWindow {
  if (unixNow > 0) return { clockSet: true, counter: Math.floor(unixNow / ADV_WINDOW_SECONDS), epoch: 0 };
  return { clockSet: false, counter: bootCount, epoch: Math.min(Math.floor(uptimeSeconds / ADV_WINDOW_SECONDS), ADV_UNSET_EPOCHS - 1) };
}

/** Seconds until the window changes, so the board knows when to advertise again. */
export function advSecondsLeft(unixNow: number, uptimeSeconds: number): number {
  return ADV_WINDOW_SECONDS - (Math.floor(unixNow > 0 ? unixNow : uptimeSeconds) % ADV_WINDOW_SECONDS);
}

/** HMAC(macKey, "WG1/adv" ‖ mode ‖ uint32 counter ‖ uint8 epoch): id in bytes 0..8, address in 8..14. */
function windowSecret(hmac: Hmac, macKey: Uint8Array, w: AdvWindow): Uint8Array {
  const input = new Uint8Array(6);
  input[0] = w.clockSet ? 0 : 1;
  writeUint(input, 1, 4, w.counter >>> 0);
  input[5] = w.epoch & 255;
  return hmac(macKey, concatBytes([utf8Encode(ADV_LABEL), input]));
}

/** What a box shows in one window: its rotating id and BLE address. */
export interface AdvIdentity {
  advId: Uint8Array;
  /**
   * As Espruino's NRF.setAddress wants it ("c3:…:0a random"): a random static address, whose two top bits must
   * be 1, so the radio address rotates together with the id.
   */
  address: string;
}

/** One HMAC gives both the id and the address of the window. */
export function advertisingIdentity(hmac: Hmac, macKey: Uint8Array, w: AdvWindow): AdvIdentity {
  const secret = windowSecret(hmac, macKey, w);
  secret[8] = secret[8]! | 0xc0;
  const parts: string[] = [];
  for (let i = 8; i < 14; i++) parts.push((secret[i]! + 256).toString(16).slice(1));
  return { advId: copyBytes(secret, 0, ADV_ID_SIZE), address: parts.join(':') + ' random' };
}

export function advertisingId(hmac: Hmac, macKey: Uint8Array, w: AdvWindow): Uint8Array {
  return copyBytes(windowSecret(hmac, macKey, w), 0, ADV_ID_SIZE);
}

/** What the advertisement says: HELLO-style flags (only state bits 0..3 and the scenario travel) and the id. */
export interface Advertisement {
  flags: number;
  advId: Uint8Array;
}

/** The manufacturer data after the company id: format ‖ flags ‖ advId (10 bytes). */
export function encodeAdvertising(ad: Advertisement): Uint8Array {
  const flags = (ad.flags & STATE_BITS) | (((ad.flags & FLAG.SCENARIO_MASK) >> FLAG.SCENARIO_SHIFT) << 4);
  return encodeFields(ADV_LAYOUT, { format: ADV_FORMAT, flags, advId: ad.advId });
}

/** Parses manufacturer data; an ERR code (BAD_LENGTH, BAD_VERSION) when it is not a WayGo advertisement. */
export function decodeAdvertising(bytes: Uint8Array): Advertisement | number {
  const fields = decodeFields(ADV_LAYOUT, bytes, 0, bytes.length);
  if (typeof fields === 'number') return fields;
  if (fields.format !== ADV_FORMAT) return ERR.BAD_VERSION;
  const flags = fields.flags as number;
  return { flags: (flags & STATE_BITS) | ((flags >> 4) << FLAG.SCENARIO_SHIFT), advId: fields.advId as Uint8Array };
}

/** A box as the resolver needs it. */
export interface AdvBox {
  macKey: Uint8Array;
}

/** Which box (index into the list given) and window an id was computed for. */
export interface AdvMatch {
  box: number;
  window: AdvWindow;
}

/** The windows the cloud keeps ids for, for every box with a clock: the current one and one either side (drift). */
export function clockWindows(unixNow: number): AdvWindow[] {
  const now = Math.floor(unixNow / ADV_WINDOW_SECONDS);
  return [now - 1, now, now + 1].map((counter) => ({ clockSet: true, counter, epoch: 0 }));
}

/** The clock-unset windows of a box whose last known boot counter is `lastBoot`: every epoch of the next boots. */
export function unsetWindows(lastBoot: number): AdvWindow[] {
  const windows: AdvWindow[] = [];
  for (let boot = lastBoot + 1; boot <= lastBoot + ADV_BOOTS_AHEAD; boot++) {
    for (let epoch = 0; epoch < ADV_UNSET_EPOCHS; epoch++) windows.push({ clockSet: false, counter: boot, epoch });
  }
  return windows;
}

/**
 * Precomputes the ids of these boxes in these windows, keyed by the id in hex: the cloud keeps such a table
 * per window and resolves a scanned id with one lookup, whatever the number of boxes.
 */
export function advertisingIdsFor(hmac: Hmac, boxes: AdvBox[], windows: AdvWindow[]): Record<string, AdvMatch> {
  const table: Record<string, AdvMatch> = {};
  for (let box = 0; box < boxes.length; box++) {
    for (let i = 0; i < windows.length; i++) {
      table[toHex(advertisingId(hmac, boxes[box]!.macKey, windows[i]!))] = { box, window: windows[i]! };
    }
  }
  return table;
}
