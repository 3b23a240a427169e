// The in-memory table that maps a rotating advertising id back to its box (docs/protocol.md, "Advertising").
// Resolving is one Map get whatever the number of boxes. Memory is what limits it: at a million boxes the table
// holds about 11 M ids, so a value is a small integer (a V8 Smi, stored inside the Map without an object of its
// own) that packs the box's slot, which of its keys, and which window; the answer object is built on lookup.
import { ADV_BOOTS_AHEAD, ADV_UNSET_EPOCHS, ADV_WINDOW_SECONDS, advertisingId, type AdvWindow, type Hmac } from '../../../shared/protocol/advertising.ts';

/** One key version of a box: only its macKey takes part in the advertised id. */
export interface AdvKey {
  keyVersion: number;
  macKey: Uint8Array;
}

/** A box the table holds ids for: its newest key first, then, during a rotation, the previous one. */
export interface AdvBoxKeys {
  boxId: string;
  keys: AdvKey[];
}

export interface AdvResolved {
  boxId: string;
  keyVersion: number;
  window: AdvWindow;
}

// value = slot × 32 + keyIndex × 16 + code. Codes 0..7: a clock window, its counter mod 8 (at most four are held,
// while a roll drops one and adds one). Codes 8..15: a clock-unset window, 8 + boot offset × 4 + epoch.
const KEY_SHIFT = 16;
const SLOT_SHIFT = 32;
const CLOCK_CODES = 8;
if (ADV_BOOTS_AHEAD * ADV_UNSET_EPOCHS > 8) throw new Error('the clock-unset windows of a box need more than 8 codes');

export const MAX_KEYS_PER_BOX = 2;

function windowCounter(unixMs: number): number {
  return Math.floor(unixMs / 1000 / ADV_WINDOW_SECONDS);
}

export class AdvertisingTable {
  private readonly ids = new Map<string, number>();
  private readonly slots = new Map<string, number>();
  private readonly boxIds: string[] = [];
  private readonly keys: AdvKey[][] = [];
  /** Per slot, the first boot counter of its clock-unset ids: the table covers this boot and the next. */
  private readonly firstBoot: number[] = [];
  /** The ids added for each clock window held, so dropping a window costs no HMAC. */
  private readonly clockIds = new Map<number, string[]>();

  constructor(private readonly hmac: Hmac, unixMs: number) {
    const now = windowCounter(unixMs);
    for (let counter = now - 1; counter <= now + 1; counter++) this.clockIds.set(counter, []);
  }

  /** Number of ids held. */
  get size(): number {
    return this.ids.size;
  }

  /** The clock windows held (counters), oldest first. */
  clockWindows(): number[] {
    return [...this.clockIds.keys()].sort((a, b) => a - b);
  }

  lookup(advIdHex: string): AdvResolved | undefined {
    const value = this.ids.get(advIdHex);
    if (value === undefined) return undefined;
    const slot = Math.floor(value / SLOT_SHIFT);
    const key = this.keys[slot]![Math.floor(value / KEY_SHIFT) % 2]!;
    return { boxId: this.boxIds[slot]!, keyVersion: key.keyVersion, window: this.windowOf(slot, value % KEY_SHIFT) };
  }

  /** Puts a box in (or replaces what the table held for it): ids of every held window for each of its keys. */
  setBox(box: AdvBoxKeys, firstBoot?: number): void {
    if (box.keys.length === 0 || box.keys.length > MAX_KEYS_PER_BOX) throw new RangeError(`a box has 1 to ${MAX_KEYS_PER_BOX} advertised keys`);
    let slot = this.slots.get(box.boxId);
    if (slot === undefined) {
      slot = this.boxIds.length;
      this.slots.set(box.boxId, slot);
      this.boxIds.push(box.boxId);
      this.keys.push([]);
      this.firstBoot.push(0);
    } else {
      this.forEachId(slot, (id) => this.ids.delete(id));
    }
    this.keys[slot] = box.keys;
    if (firstBoot !== undefined) this.firstBoot[slot] = firstBoot;
    for (const [counter, added] of this.clockIds) {
      for (let k = 0; k < box.keys.length; k++) added.push(this.add(slot, k, counter % CLOCK_CODES, { clockSet: true, counter, epoch: 0 }));
    }
    this.addUnset(slot);
  }

  /** Drops every id of a box (lost, stolen, retired, or no longer in the database). */
  removeBox(boxId: string): void {
    const slot = this.slots.get(boxId);
    if (slot === undefined) return;
    this.forEachId(slot, (id) => this.ids.delete(id));
    this.keys[slot] = [];
  }

  /**
   * The box was seen advertising clock-unset ids of `boot`: from now on the table covers that boot (the box keeps
   * showing it until it reboots) and the next one. A boot counter only grows, so an older one changes nothing.
   */
  sawBoot(boxId: string, boot: number): void {
    const slot = this.slots.get(boxId);
    if (slot === undefined || boot <= this.firstBoot[slot]!) return;
    this.forEachUnset(slot, (id) => this.ids.delete(id));
    this.firstBoot[slot] = boot;
    this.addUnset(slot);
  }

  /** Holds the window of `unixMs` and one either side: adds the ones missing and drops the others, one HMAC per key. */
  rollTo(unixMs: number): void {
    const now = windowCounter(unixMs);
    for (const [counter, added] of [...this.clockIds]) {
      if (Math.abs(counter - now) <= 1) continue;
      for (const id of added) {
        const value = this.ids.get(id);
        if (value !== undefined && value % KEY_SHIFT === counter % CLOCK_CODES) this.ids.delete(id);
      }
      this.clockIds.delete(counter);
    }
    for (let counter = now - 1; counter <= now + 1; counter++) {
      if (!this.clockIds.has(counter)) this.addClockWindow(counter);
    }
  }

  private addClockWindow(counter: number): void {
    const added: string[] = [];
    const window: AdvWindow = { clockSet: true, counter, epoch: 0 };
    for (let slot = 0; slot < this.keys.length; slot++) {
      const keys = this.keys[slot]!;
      for (let k = 0; k < keys.length; k++) added.push(this.add(slot, k, counter % CLOCK_CODES, window));
    }
    this.clockIds.set(counter, added);
  }

  private addUnset(slot: number): void {
    this.forEachUnsetWindow(slot, (k, code, window) => this.add(slot, k, code, window));
  }

  private add(slot: number, keyIndex: number, code: number, window: AdvWindow): string {
    const id = this.idOf(this.keys[slot]![keyIndex]!.macKey, window);
    this.ids.set(id, slot * SLOT_SHIFT + keyIndex * KEY_SHIFT + code);
    return id;
  }

  private idOf(macKey: Uint8Array, window: AdvWindow): string {
    const id = advertisingId(this.hmac, macKey, window);
    return Buffer.from(id.buffer, id.byteOffset, id.length).toString('hex');
  }

  private windowOf(slot: number, code: number): AdvWindow {
    if (code >= CLOCK_CODES) {
      const offset = code - CLOCK_CODES;
      return { clockSet: false, counter: this.firstBoot[slot]! + Math.floor(offset / ADV_UNSET_EPOCHS), epoch: offset % ADV_UNSET_EPOCHS };
    }
    for (const counter of this.clockIds.keys()) if (counter % CLOCK_CODES === code) return { clockSet: true, counter, epoch: 0 };
    throw new Error('an id of a clock window the table no longer holds');
  }

  private forEachUnsetWindow(slot: number, fn: (keyIndex: number, code: number, window: AdvWindow) => void): void {
    const keys = this.keys[slot]!;
    for (let k = 0; k < keys.length; k++) {
      for (let b = 0; b < ADV_BOOTS_AHEAD; b++) {
        for (let epoch = 0; epoch < ADV_UNSET_EPOCHS; epoch++) {
          fn(k, CLOCK_CODES + b * ADV_UNSET_EPOCHS + epoch, { clockSet: false, counter: this.firstBoot[slot]! + b, epoch });
        }
      }
    }
  }

  /** Recomputes a box's ids (cheaper than keeping a list per box) and passes those still pointing at it. */
  private forEachUnset(slot: number, fn: (id: string) => void): void {
    this.forEachUnsetWindow(slot, (k, _code, window) => this.visitOwn(slot, k, window, fn));
  }

  private forEachId(slot: number, fn: (id: string) => void): void {
    for (const counter of this.clockIds.keys()) {
      for (let k = 0; k < this.keys[slot]!.length; k++) this.visitOwn(slot, k, { clockSet: true, counter, epoch: 0 }, fn);
    }
    this.forEachUnset(slot, fn);
  }

  private visitOwn(slot: number, keyIndex: number, window: AdvWindow, fn: (id: string) => void): void {
    const id = this.idOf(this.keys[slot]![keyIndex]!.macKey, window);
    const value = this.ids.get(id);
    if (value !== undefined && Math.floor(value / SLOT_SHIFT) === slot) fn(id);
  }
}
