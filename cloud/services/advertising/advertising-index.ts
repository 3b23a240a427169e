// The advertising table of one database: built from it, kept in step with its boxes, shared by the resolve
// route and the refresher through a registry keyed by the database handle.
import type { Kek } from '../../crypto/kek.ts';
import type { Db } from '../../db/open.ts';
import { nodeHmac } from './hmac.ts';
import { loadAdvertisedBoxes } from './load.ts';
import { AdvertisingTable, type AdvResolved } from './table.ts';

export interface AdvertisingIndexOptions {
  /** The clock, ms since the epoch; tests move it. */
  now?: () => number;
}

export class AdvertisingIndex {
  readonly table: AdvertisingTable;
  readonly now: () => number;

  constructor(private readonly db: Db, private readonly kek: Kek, { now = Date.now }: AdvertisingIndexOptions = {}) {
    this.now = now;
    this.table = new AdvertisingTable(nodeHmac, now());
    for (const box of loadAdvertisedBoxes(db, kek)) this.table.setBox(box);
  }

  /**
   * Re-reads one box after its keys were created or rotated, its status changed, or it showed a new key version.
   * Keeps the boot counter the table learned for it.
   */
  refreshBox(boxId: string): void {
    const [box] = loadAdvertisedBoxes(this.db, this.kek, boxId);
    if (box) this.table.setBox(box);
    else this.table.removeBox(boxId);
  }

  /** Moves the clock windows to the current time; nothing to do while the window has not changed. */
  roll(): void {
    this.table.rollTo(this.now());
  }

  /**
   * The box that advertised this id (16 lower-case hex digits), or undefined. A clock-unset id tells the boot
   * counter of the box, so its table moves on to that boot.
   */
  resolve(advIdHex: string): AdvResolved | undefined {
    this.roll();
    const found = this.table.lookup(advIdHex);
    if (found && !found.window.clockSet) this.table.sawBoot(found.boxId, found.window.counter);
    return found;
  }
}

const registry = new WeakMap<Db, AdvertisingIndex>();

/** Builds the index of `db` now (at start, so no request pays for it) and makes it the one routes use. */
export function openAdvertisingIndex(db: Db, kek: Kek, options: AdvertisingIndexOptions = {}): AdvertisingIndex {
  const index = new AdvertisingIndex(db, kek, options);
  registry.set(db, index);
  return index;
}

/** The index of `db`, built on first use when nothing opened it. */
export function advertisingIndexFor(db: Db, kek: Kek): AdvertisingIndex {
  return registry.get(db) ?? openAdvertisingIndex(db, kek);
}
