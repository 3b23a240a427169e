import type { Crypto } from '../../../../shared/crypto/types.ts';

/** The part of Espruino's require("Storage") the log uses; the board passes the real one, tests the simulator's. */
export interface LogStorage {
  write(name: string, data: string | Uint8Array, offset?: number, size?: number): boolean;
  readArrayBuffer(name: string): ArrayBuffer | undefined;
  erase(name: string): void;
  list(): string[];
  getFree(): number;
  getStats(): { totalBytes: number; freeBytes: number; trashBytes: number };
  compact(): void;
}

export interface LogOptions {
  storage: LogStorage;
  crypto: Crypto;
  /** macKey signs each record; boxId is the MAC context, so the cloud can verify records per box. */
  keys: { macKey: Uint8Array; boxId: Uint8Array };
  /** Segment files (one flash page each); see logCapacity for how many fit. */
  segments: number;
  /** At most RECORDS_PER_SEGMENT (the default); fewer only to exercise recycling in tests. */
  recordsPerSegment?: number;
}

/** The log record's fields the caller supplies; seq is assigned, reserved is zero, mac is computed. */
export interface LogFields {
  time: number;
  txnId: Uint8Array;
  walletId: number;
  amount: number;
  currency: number;
  scenario: number;
  result: number;
}

export interface LogEntry {
  seq: number;
  time: number;
  result: number;
}

export interface Log {
  /** Writes one record (two offset writes into erased bytes) and returns its seq. */
  append(fields: LogFields): number;
  /** Prepares the next segment when the current one is full (erase + compact + create); call when idle. */
  maintain(): void;
  findByTxn(txnId: Uint8Array): LogEntry | undefined;
  /** Up to `count` 48-byte records with seq >= fromSeq, oldest first, back to back. */
  read(fromSeq: number, count: number): Uint8Array;
  count(): number;
  /** Newest records the log always keeps: (segments - 1) × records per segment. */
  capacity(): number;
}

export interface LogError extends Error {
  /** 'bad_options' or 'no_space' (no segment could be created: Storage is full of other files). */
  code: string;
}
