import { desc } from 'drizzle-orm';
import type { Executor } from '../db/open.ts';
import { auditLog } from '../db/schema/index.ts';
import { canonicalJson, type JsonValue } from './canonical-json.ts';
import { GENESIS_HASH, auditHash } from './hash.ts';

export interface AuditEntry {
  /** Who acted: `system`, `cli`, `wallet:<id>`, `operator:<id>`. */
  actor: string;
  /** Dotted verb, e.g. `box_key.created`. */
  action: string;
  subjectType: string;
  subjectId: string;
  /** Details of the action: amounts, versions, reasons. Never a secret. */
  data: { [key: string]: JsonValue };
  /** Milliseconds since the epoch; defaults to now. */
  at?: number;
}

export interface AuditRow {
  id: number;
  hash: string;
}

/**
 * Appends one row to the chain. Call it with the transaction that makes the change it records, so the change
 * and its audit row commit or roll back together; reading the head and inserting in that same transaction
 * keeps the chain linear (the unique prev_hash refuses a second row on the same head).
 */
export function appendAudit(tx: Executor, entry: AuditEntry): AuditRow {
  const head = tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  const fields = {
    id: head ? head.id + 1 : 1,
    at: entry.at ?? Date.now(),
    actor: entry.actor,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    data: entry.data,
  };
  const prevHash = head ? head.hash : GENESIS_HASH;
  const hash = auditHash(prevHash, fields);
  tx.insert(auditLog).values({ ...fields, data: canonicalJson(fields.data), prevHash, hash }).run();
  return { id: fields.id, hash };
}
