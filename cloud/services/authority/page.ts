// Cursor pagination shared by every operator list: the cursor is the opaque base64url of the last row's sort
// key, so a page boundary stays stable while rows are added (no offsets that shift).
import { and, eq, lt, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { CloudError } from '../../errors/cloud-error.ts';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

export type CursorKey = (string | number)[];

export interface PageRequest {
  /** 1..200; 50 when absent. */
  limit?: number;
  /** The previous page's `nextCursor`. */
  cursor?: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key inside a cursor; CloudError `cursor_invalid` for anything this API did not hand out. */
export function decodeCursor(cursor: string, length: number): CursorKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid = Array.isArray(key) && key.length === length && key.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));
  if (!valid) throw new CloudError('cursor_invalid', 'the cursor is not one this API returned');
  return key as CursorKey;
}

export function pageLimit(request: PageRequest): number {
  const limit = request.limit ?? DEFAULT_PAGE_LIMIT;
  return Math.min(Math.max(Math.trunc(limit), 1), MAX_PAGE_LIMIT);
}

/** Rows fetched with `limit + 1` become one page; the extra row only says that another page exists. */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => CursorKey, view: (row: R) => T): Page<T> {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data: data.map(view), nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/** Rows after the cursor in newest-first order of (createdAt, id): the sort key every authority list uses. */
export function newestFirstAfter(cursor: string | undefined, createdAt: SQLiteColumn, id: SQLiteColumn): SQL | undefined {
  if (cursor === undefined) return undefined;
  const [at, last] = decodeCursor(cursor, 2);
  return or(lt(createdAt, at), and(eq(createdAt, at), lt(id, last)));
}
