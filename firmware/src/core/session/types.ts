import type { Crypto } from '../../../../shared/crypto/types.ts';
import type { BoxKeys, Fields } from '../../../../shared/protocol/types.ts';

/**
 * What the box reports in HELLO and INFO. One plain object shared with the machine layer, which updates it
 * (counter after a run, flags, config version, log size); the session only reads it.
 */
export interface BoxState {
  boardId: number;
  firmwareVersion: number;
  /** Executed telegrams; never decreases. */
  counter: number;
  /** FLAG bits; the session adds IV_OUTSTANDING and CLOCK_UNSET itself. */
  flags: number;
  configVersion: number;
  battery: number;
  logCount: number;
  logCapacity: number;
}

/** A logged transaction as the duplicate rule needs it (the names of the log record's fields). */
export interface TxnRecord {
  seq: number;
  time: number;
  result: number;
}

/** The machine layer's answer to an opened telegram: RECEIPT status, detail, and the log record's seq. */
export type TelegramDone = (status: number, detail: number, logSeq: number) => void;

export interface SessionOptions {
  crypto: Crypto;
  /** Undefined while the box is not provisioned: only INFO_REQUEST and CANCEL work, the rest get NOT_ACTIVATED. */
  keys: BoxKeys | undefined;
  state: BoxState;
  /** Monotonic milliseconds (IV and AUTH lifetimes, framing, the auth deadline). */
  nowMs(): number;
  /** Wall clock in Unix seconds, 0 while unset. */
  unixNow(): number;
  /** Notifies one chunk; returns false when the radio buffer is full (the chunk is kept and retried on drain()). */
  send(chunk: Uint8Array): boolean;
  /** Asks the board to drop the link (auth deadline passed). The board then calls close(). */
  disconnect(): void;
  /**
   * An opened, permitted, not yet executed telegram; `fields` is its decoded plaintext. Call `done` once, now or
   * later (e.g. after the UART ack); it sends the RECEIPT. A throw answers a MACHINE_FAILED receipt.
   */
  onTelegram(kind: number, fields: Fields, done: TelegramDone): void;
  /** The log's record for `txnId`, or undefined when the box never ran it. */
  findReceipt(txnId: Uint8Array): TxnRecord | undefined;
  /** Up to `count` (≤ 10) 48-byte log records with seq ≥ fromSeq, oldest first, back to back in one array. */
  readLog(fromSeq: number, count: number): Uint8Array;
  /** Outgoing chunk size (default 20); see also setChunkSize after an MTU exchange. */
  chunkSize?: number;
  /** A link without a valid AUTH (or POS log proof) this long after it opened is dropped (default 5000). */
  authTimeoutMs?: number;
  /** Lifetime of an issued IV (default 30). */
  ivTtlSeconds?: number;
  /** Most outgoing chunks held while the radio is busy (default 40); a reply that does not fit is dropped. */
  maxQueuedChunks?: number;
}

/** One BLE connection. The board creates it on connect and calls close() on disconnect. */
export interface Session {
  /** One chunk written by the wallet. Never throws. */
  receive(chunk: Uint8Array): void;
  /** Retries queued notifications; call when the radio may have room (e.g. a short timer while queued() > 0). */
  drain(): void;
  /** Chunks waiting for the radio. */
  queued(): number;
  /** Enforces the auth deadline; call periodically (e.g. every second). receive() checks it too. */
  tick(nowMs: number): void;
  /** Chunk size after an MTU exchange (MTU − 3, 8..244); other values are ignored. */
  setChunkSize(size: number): void;
  /** New keys (provisioning, rotation): later messages use them; a receipt in flight keeps the old ones. */
  setKeys(keys: BoxKeys | undefined): void;
  /** The link is gone: forgets IV, AUTH, nonces and queued chunks; later calls do nothing. */
  close(): void;
}
