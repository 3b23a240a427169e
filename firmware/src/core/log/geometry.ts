// Where things sit in flash. One segment = one Storage file that fills exactly one 4 KB flash page with its
// 32-byte Storage header, so once the first segment starts on a page boundary every segment header does, and
// Espruino's compaction (which starts at the last page beginning with a header before the first erased file)
// never rewrites a page below the log. Each slot is a 48-byte record and a commit byte. docs/log.md.
import type { LogError } from './types.ts';

export const PAGE_SIZE = 4096;
export const FILE_HEADER_SIZE = 32;
export const SEGMENT_BYTES = PAGE_SIZE - FILE_HEADER_SIZE;
/** "WGL" + format 1 at the start of every segment: a segment whose create was cut shows a broken magic. */
export const SEGMENT_MAGIC = 'WGL\x01';
export const MAGIC_SIZE = 4;
export const RECORD_SIZE = 48;
/** Programmed to 0 after the record: a record whose commit byte is still 0xFF was cut while being written. */
export const COMMIT_OFFSET = 48;
/** Record + commit byte, rounded to the 4-byte flash word. */
export const SLOT_SIZE = 52;
export const RECORDS_PER_SEGMENT = Math.floor((SEGMENT_BYTES - MAGIC_SIZE) / SLOT_SIZE);
// Names use all 28 characters Storage keeps: a name torn by a cut during compaction then shows 0xFF bytes in
// list() instead of passing for a real name with fewer characters.
const NAME_PREFIX = 'waygo.transaction.log.seg.';
export const PAD_NAME = NAME_PREFIX + 'pd';

export function segmentName(index: number): string {
  return NAME_PREFIX + (index < 10 ? '0' : '') + index;
}

export function slotOffset(slot: number): number {
  return MAGIC_SIZE + slot * SLOT_SIZE;
}

export function logError(code: string, message: string): LogError {
  const error = new Error(message) as LogError;
  error.code = code;
  return error;
}
