export { createSession } from './session.ts';
export type { BoxState, Session, SessionOptions, TelegramDone, TxnRecord } from './types.ts';
