// Reading one segment file in place. Slots fill in order, so the used ones are a prefix and a binary search
// finds its end; a slot is used once its first byte is programmed (seq stays below 0xFF000000).
import { readUint } from '../../../../shared/bytes/int.ts';
import { COMMIT_OFFSET, MAGIC_SIZE, SEGMENT_BYTES, SEGMENT_MAGIC, slotOffset } from './geometry.ts';
import type { LogStorage } from './types.ts';

export function segmentBytes(storage: LogStorage, name: string): Uint8Array | undefined {
  const buffer = storage.readArrayBuffer(name);
  return buffer === undefined ? undefined : new Uint8Array(buffer);
}

/** A segment this firmware wrote whole: right size, magic intact (a cut during its creation breaks it). */
export function isSegment(bytes: Uint8Array): boolean {
  if (bytes.length !== SEGMENT_BYTES) return false;
  for (let i = 0; i < MAGIC_SIZE; i++) if (bytes[i] !== SEGMENT_MAGIC.charCodeAt(i)) return false;
  return true;
}

export function usedSlots(bytes: Uint8Array, slots: number): number {
  let low = 0;
  let high = slots;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (bytes[slotOffset(mid)] !== 0xff) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function isCommitted(bytes: Uint8Array, slot: number): boolean {
  return bytes[slotOffset(slot) + COMMIT_OFFSET] !== 0xff;
}

export function slotSeq(bytes: Uint8Array, slot: number): number {
  return readUint(bytes, slotOffset(slot), 4);
}

/** What the log keeps in RAM per segment: used slots, committed records and their first and last seq (-1: none). */
export interface SegmentInfo {
  used: number;
  committed: number;
  first: number;
  last: number;
}

export function inspectSegment(bytes: Uint8Array | undefined, slots: number): SegmentInfo | undefined {
  if (bytes === undefined) return undefined;
  const info: SegmentInfo = { used: usedSlots(bytes, slots), committed: 0, first: -1, last: -1 };
  for (let slot = 0; slot < info.used; slot++) {
    if (!isCommitted(bytes, slot)) continue;
    const seq = slotSeq(bytes, slot);
    if (info.first < 0) info.first = seq;
    info.last = seq;
    info.committed++;
  }
  return info;
}
