import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { RunResult } from 'better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema>;
/** The database or a transaction on it: what services take, so callers choose the transaction boundary. */
export type Executor = BaseSQLiteDatabase<'sync', RunResult, Schema>;

export interface OpenDatabase {
  db: Db;
  /** The driver handle, for the pragmas and raw checks only the database layer makes. */
  sqlite: Database.Database;
  close(): void;
}

export interface OpenDatabaseOptions {
  /** How long a writer waits for another process's lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** Open an existing file for reading only (verification tools); leaves its journal mode alone. */
  readonly?: boolean;
}

export function openDatabase(path: string, { busyTimeoutMs = 5000, readonly = false }: OpenDatabaseOptions = {}): OpenDatabase {
  if (path !== ':memory:' && !readonly) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path, { readonly, fileMustExist: readonly });
  // WAL lets readers (status polls, resolves) run while a payment commits.
  if (!readonly) sqlite.pragma('journal_mode = WAL');
  // In WAL mode NORMAL may lose the last commits on power loss; a payment the client was told is accepted
  // must survive that, so every commit is fsynced (FULL). Throughput comes from batching, not from this.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  const db = drizzle(sqlite, { schema });
  return { db, sqlite, close: () => sqlite.close() };
}
