export { openLog } from './log.ts';
export { logCapacity, segmentsThatFit, padBytes, KEYS_BYTES, BOOTS_BYTES, RESERVE_AFTER_BYTES, type LogCapacity } from './capacity.ts';
export {
  PAGE_SIZE, RECORDS_PER_SEGMENT, RECORD_SIZE, SEGMENT_BYTES, SLOT_SIZE, PAD_NAME, segmentName,
} from './geometry.ts';
export type { Log, LogEntry, LogError, LogFields, LogOptions, LogStorage } from './types.ts';
