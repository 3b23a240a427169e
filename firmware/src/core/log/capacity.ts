import { FILE_HEADER_SIZE, PAGE_SIZE, RECORDS_PER_SEGMENT } from './geometry.ts';

/** Key file (shared/protocol/key-file.ts, 106 B) and the config file (about 100 B), each with a Storage header. */
export const KEYS_BYTES = 106;
export const CONFIG_BYTES = 100;

function fileBytes(size: number): number {
  return FILE_HEADER_SIZE + Math.ceil(size / 4) * 4;
}

/** Bytes of the pad file that moves the first segment to a page boundary (0 when already there). */
export function padBytes(usedBytes: number): number {
  let gap = (PAGE_SIZE - (usedBytes % PAGE_SIZE)) % PAGE_SIZE;
  if (gap > 0 && gap < FILE_HEADER_SIZE + 4) gap += PAGE_SIZE;
  return gap;
}

/** Segments that fit after `usedBytes` of other files (files are packed from the start of Storage). */
export function segmentsThatFit(storageBytes: number, usedBytes: number): number {
  const start = usedBytes + padBytes(usedBytes);
  return start >= storageBytes ? 0 : Math.floor((storageBytes - start) / PAGE_SIZE);
}

export interface LogCapacity {
  segments: number;
  recordsPerSegment: number;
  /** Newest records always kept: one segment is recycled whole when the log wraps. */
  records: number;
  /** Records held just before a wrap. */
  maxRecords: number;
}

/** The log that fits beside `codeBytes` of .bootcde, the key file and the config file. */
export function logCapacity(storageBytes: number, codeBytes: number): LogCapacity {
  const used = fileBytes(codeBytes) + fileBytes(KEYS_BYTES) + fileBytes(CONFIG_BYTES);
  const segments = segmentsThatFit(storageBytes, used);
  const records = segments > 1 ? (segments - 1) * RECORDS_PER_SEGMENT : 0;
  return { segments, recordsPerSegment: RECORDS_PER_SEGMENT, records, maxRecords: segments * RECORDS_PER_SEGMENT };
}
