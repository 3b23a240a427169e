import { FILE_HEADER_SIZE, PAGE_SIZE, RECORDS_PER_SEGMENT } from './geometry.ts';

/** Files written before the log on first boot: the key file (shared/protocol/key-file.ts) and the boot counter. */
export const KEYS_BYTES = 106;
export const BOOTS_BYTES = 254;
/**
 * Room kept free after the log for the files written later: the configuration (CONFIG telegram), the open windows
 * of the machine (one per output) and a rotated key file, with space for each to be rewritten once before a
 * compaction reclaims the old copy. Without it the log's segments take the last page and every CONFIG fails.
 */
export const RESERVE_AFTER_BYTES = 1024;

function fileBytes(size: number): number {
  return FILE_HEADER_SIZE + Math.ceil(size / 4) * 4;
}

/** Bytes of the pad file that moves the first segment to a page boundary (0 when already there). */
export function padBytes(usedBytes: number): number {
  let gap = (PAGE_SIZE - (usedBytes % PAGE_SIZE)) % PAGE_SIZE;
  if (gap > 0 && gap < FILE_HEADER_SIZE + 4) gap += PAGE_SIZE;
  return gap;
}

/** Segments that fit after `usedBytes` of other files (packed from the start of Storage), keeping the reserve free. */
export function segmentsThatFit(storageBytes: number, usedBytes: number): number {
  const start = usedBytes + padBytes(usedBytes);
  const room = storageBytes - start - RESERVE_AFTER_BYTES;
  return room <= 0 ? 0 : Math.floor(room / PAGE_SIZE);
}

export interface LogCapacity {
  segments: number;
  recordsPerSegment: number;
  /** Newest records always kept: one segment is recycled whole when the log wraps. */
  records: number;
  /** Records held just before a wrap. */
  maxRecords: number;
}

/** The log that fits beside `codeBytes` of .bootcde, the key file and the boot counter, with the reserve kept free. */
export function logCapacity(storageBytes: number, codeBytes: number): LogCapacity {
  const used = fileBytes(codeBytes) + fileBytes(KEYS_BYTES) + fileBytes(BOOTS_BYTES);
  const segments = segmentsThatFit(storageBytes, used);
  const records = segments > 1 ? (segments - 1) * RECORDS_PER_SEGMENT : 0;
  return { segments, recordsPerSegment: RECORDS_PER_SEGMENT, records, maxRecords: segments * RECORDS_PER_SEGMENT };
}
