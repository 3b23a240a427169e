// The transaction ring log (docs/log.md). RAM holds four numbers per segment; records are read from flash
// through readArrayBuffer, which maps the file on the box instead of copying it.
import { readUint } from '../../../../shared/bytes/int.ts';
import { padBytes } from './capacity.ts';
import {
  COMMIT_OFFSET, PAD_NAME, RECORDS_PER_SEGMENT, RECORD_SIZE, SEGMENT_BYTES, SEGMENT_MAGIC, logError, segmentName,
  slotOffset,
} from './geometry.ts';
import { encodeRecord } from './record.ts';
import { repairSegments } from './repair.ts';
import { inspectSegment, isCommitted, segmentBytes, slotSeq, type SegmentInfo } from './segment.ts';
import type { Log, LogEntry, LogFields, LogOptions } from './types.ts';

const COMMIT = new Uint8Array([0]);

export function openLog(options: LogOptions): Log {
  const storage = options.storage;
  const slots = options.recordsPerSegment === undefined ? RECORDS_PER_SEGMENT : options.recordsPerSegment;
  if (options.segments < 2 || options.segments > 99 || slots < 1 || slots > RECORDS_PER_SEGMENT) {
    throw logError('bad_options', 'segments 2..99, recordsPerSegment 1..' + RECORDS_PER_SEGMENT);
  }
  const names: string[] = [];
  for (let i = 0; i < options.segments; i++) names.push(segmentName(i));
  const infos: (SegmentInfo | undefined)[] = [];
  let head = -1;
  let nextSeq = 1;

  function inspect(i: number): void {
    infos[i] = inspectSegment(segmentBytes(storage, names[i]!), slots);
  }

  /** Creates a segment; false when Storage has no room (a cut once leaked a page, or other files grew). */
  function create(i: number): boolean {
    try {
      storage.write(names[i]!, SEGMENT_MAGIC, 0, SEGMENT_BYTES);
    } catch {
      return false;
    }
    inspect(i);
    return infos[i] !== undefined;
  }

  function createMissing(): void {
    let fresh = true;
    for (let i = 0; i < names.length; i++) if (infos[i] !== undefined) fresh = false;
    // Reclaim erased space now, at a moment we choose, so create() never compacts inside the write.
    if (storage.getStats().trashBytes > 0) storage.compact();
    if (fresh && segmentBytes(storage, PAD_NAME) === undefined) {
      const stats = storage.getStats();
      const pad = padBytes(stats.totalBytes - stats.freeBytes);
      try {
        if (pad > 0) storage.write(PAD_NAME, '\x00', 0, pad - 32);
      } catch {
        // No room even for the pad: the segments below fail the same way and the log stays empty.
      }
    }
    for (let i = 0; i < names.length; i++) if (infos[i] === undefined) create(i);
  }

  /** The segment to append to: the one holding the newest record while it has room, else one with no record. */
  function pickHead(): number {
    let newest = -1;
    for (let i = 0; i < names.length; i++) {
      const info = infos[i];
      if (info !== undefined && info.last >= 0 && (newest < 0 || info.last > infos[newest]!.last)) newest = i;
    }
    if (newest >= 0 && infos[newest]!.used < slots) return newest;
    for (let i = 0; i < names.length; i++) {
      const info = infos[i];
      if (info !== undefined && info.committed === 0 && info.used < slots) return i;
    }
    return -1;
  }

  function oldest(): number {
    let found = -1;
    for (let i = 0; i < names.length; i++) {
      const info = infos[i];
      if (info !== undefined && (found < 0 || info.first < infos[found]!.first)) found = i;
    }
    return found;
  }

  /** Recycles the oldest segment: erase it, compact (its page is the only trash), create it again. */
  function advance(): void {
    head = pickHead();
    if (head >= 0) return;
    const victim = oldest();
    if (victim < 0) throw logError('no_space', 'no log segment could be created');
    for (let pass = 0; pass < 3 && segmentBytes(storage, names[victim]!) !== undefined; pass++) storage.erase(names[victim]!);
    infos[victim] = undefined;
    storage.compact();
    for (let i = 0; i < names.length; i++) if (infos[i] === undefined) create(i);
    head = pickHead();
    if (head < 0) throw logError('no_space', 'no log segment could be created');
  }

  /** Segment indexes ordered by their first record (empty ones first). */
  function order(): number[] {
    const list: number[] = [];
    for (let i = 0; i < names.length; i++) {
      if (infos[i] === undefined) continue;
      let at = list.length;
      while (at > 0 && infos[list[at - 1]!]!.first > infos[i]!.first) at--;
      list.splice(at, 0, i);
    }
    return list;
  }

  repairSegments(storage, names);
  for (let i = 0; i < names.length; i++) inspect(i);
  createMissing();
  for (let i = 0; i < names.length; i++) {
    const info = infos[i];
    if (info !== undefined && info.last >= nextSeq) nextSeq = info.last + 1;
  }
  head = pickHead();

  return {
    append(fields: LogFields): number {
      if (head < 0 || infos[head]!.used >= slots) advance();
      const info = infos[head]!;
      const at = slotOffset(info.used);
      const seq = nextSeq;
      const record = encodeRecord(options.crypto, options.keys, seq, fields);
      // The slot counts as used before the write: a cut leaves it torn and the next record takes the next slot.
      info.used++;
      storage.write(names[head]!, record, at);
      storage.write(names[head]!, COMMIT, at + COMMIT_OFFSET);
      nextSeq++;
      if (info.first < 0) info.first = seq;
      info.last = seq;
      info.committed++;
      return seq;
    },
    maintain(): void {
      if (head < 0 || infos[head]!.used >= slots) advance();
    },
    findByTxn(txnId: Uint8Array): LogEntry | undefined {
      const list = order();
      for (let k = list.length - 1; k >= 0; k--) {
        const bytes = segmentBytes(storage, names[list[k]!]!);
        if (bytes === undefined) continue;
        for (let slot = infos[list[k]!]!.used - 1; slot >= 0; slot--) {
          if (!isCommitted(bytes, slot)) continue;
          const at = slotOffset(slot);
          let same = txnId.length === 8;
          for (let j = 0; j < 8 && same; j++) if (bytes[at + 8 + j] !== txnId[j]) same = false;
          if (same) return { seq: slotSeq(bytes, slot), time: readUint(bytes, at + 4, 4), result: bytes[at + 27]! };
        }
      }
      return undefined;
    },
    read(fromSeq: number, count: number): Uint8Array {
      const out = new Uint8Array(count * RECORD_SIZE);
      let n = 0;
      const list = order();
      for (let k = 0; k < list.length && n < count; k++) {
        const info = infos[list[k]!]!;
        if (info.last < fromSeq) continue;
        const bytes = segmentBytes(storage, names[list[k]!]!);
        if (bytes === undefined) continue;
        for (let slot = 0; slot < info.used && n < count; slot++) {
          if (!isCommitted(bytes, slot) || slotSeq(bytes, slot) < fromSeq) continue;
          out.set(bytes.subarray(slotOffset(slot), slotOffset(slot) + RECORD_SIZE), n * RECORD_SIZE);
          n++;
        }
      }
      return new Uint8Array(out.subarray(0, n * RECORD_SIZE));
    },
    count(): number {
      let total = 0;
      for (let i = 0; i < names.length; i++) if (infos[i] !== undefined) total += infos[i]!.committed;
      return total;
    },
    capacity(): number {
      let present = 0;
      for (let i = 0; i < names.length; i++) if (infos[i] !== undefined) present++;
      return present > 1 ? (present - 1) * slots : 0;
    },
  };
}
