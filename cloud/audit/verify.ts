import { asc, gt } from 'drizzle-orm';
import type { Executor } from '../db/open.ts';
import { auditLog } from '../db/schema/index.ts';
import type { JsonValue } from './canonical-json.ts';
import { GENESIS_HASH, auditHash } from './hash.ts';

export type AuditVerification =
  | { ok: true; rows: number; head: string }
  | { ok: false; rows: number; brokenId: number; reason: string };

export interface VerifyAuditOptions {
  /** Rows read per query, so a long chain never sits in memory at once. */
  pageSize?: number;
}

/**
 * Walks the chain from the first row. A changed row fails its own hash; a removed row makes the next row's
 * prev_hash point at nothing. Removing the newest rows leaves a shorter valid chain, which only an
 * externally kept copy of `head` can reveal.
 */
export function verifyAuditChain(db: Executor, { pageSize = 1000 }: VerifyAuditOptions = {}): AuditVerification {
  let prevHash = GENESIS_HASH;
  let prevId = 0;
  let rows = 0;
  for (;;) {
    const page = db.select().from(auditLog).where(gt(auditLog.id, prevId)).orderBy(asc(auditLog.id)).limit(pageSize).all();
    for (const row of page) {
      const broken = (reason: string): AuditVerification => ({ ok: false, rows, brokenId: row.id, reason });
      if (row.prevHash !== prevHash) {
        return broken(rows === 0 && row.id !== 1
          ? 'the chain does not start at row 1 (earlier rows were removed)'
          : `prev_hash does not match row ${prevId}'s hash (a row before it was removed or altered)`);
      }
      let data: JsonValue;
      try {
        data = JSON.parse(row.data) as JsonValue;
      } catch {
        return broken('its data is not valid JSON');
      }
      const { hash, prevHash: _prev, data: _text, ...fields } = row;
      if (auditHash(prevHash, { ...fields, data }) !== hash) return broken('its hash does not match its contents (the row was altered)');
      prevHash = hash;
      prevId = row.id;
      rows++;
    }
    if (page.length < pageSize) return { ok: true, rows, head: prevHash };
  }
}
