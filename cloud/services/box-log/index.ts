export { decodeRecord, recordsOfMessage, verifyingKey } from './records.ts';
export type { LogRecord } from './records.ts';
export { uploadBoxLog } from './upload.ts';
export type { RecordOutcome } from './upload.ts';
