// Counts boots for the clock-unset advertising windows (docs/protocol.md, "Advertising"). One pre-allocated
// Storage file: 4 bytes of base count, then one 0x00 byte written into erased space per boot. Offset writes
// only, so booting never erases flash or leaves trash for a compaction; the file is re-created once every
// TALLY_BYTES boots. It is created before the log on first boot, so it sits below the log's pages and never moves.
import { readUint, writeUint } from '../../../shared/bytes/int.ts';

export const BOOT_FILE = 'waygo.boots';
const BASE_BYTES = 4;
const TALLY_BYTES = 250;

export interface BootStorage {
  write(name: string, data: string | Uint8Array, offset?: number, size?: number): boolean;
  readArrayBuffer(name: string): ArrayBuffer | undefined;
}

/** Records this boot and returns how many boots came before it. */
export function countBoot(storage: BootStorage): number {
  const buffer = storage.readArrayBuffer(BOOT_FILE);
  const bytes = buffer === undefined ? undefined : new Uint8Array(buffer);
  let base = 0;
  let tally = 0;
  if (bytes !== undefined && bytes.length === BASE_BYTES + TALLY_BYTES) {
    base = readUint(bytes, 0, BASE_BYTES);
    while (tally < TALLY_BYTES && bytes[BASE_BYTES + tally] === 0) tally++;
  }
  if (bytes === undefined || bytes.length !== BASE_BYTES + TALLY_BYTES || tally === TALLY_BYTES) {
    base = base + tally;
    tally = 0;
    const head = new Uint8Array(BASE_BYTES);
    writeUint(head, 0, BASE_BYTES, base);
    storage.write(BOOT_FILE, head, 0, BASE_BYTES + TALLY_BYTES);
  }
  storage.write(BOOT_FILE, new Uint8Array(1), BASE_BYTES + tally);
  return base + tally;
}
