// A payment's audit rows and the proof that they stand in the chain unchanged: every row from the payment's
// first one up to the head is recomputed with the chain's own hash function, so altering, removing or
// reordering any of them (or anything written after them) fails the proof.
import { and, asc, eq, gt } from 'drizzle-orm';
import type { JsonValue } from '../../audit/canonical-json.ts';
import { auditHash } from '../../audit/hash.ts';
import type { Executor } from '../../db/open.ts';
import { auditLog } from '../../db/schema/index.ts';

export interface AuditProofRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  data: JsonValue;
  prevHash: string;
  hash: string;
}

export interface AuditProof {
  rows: AuditProofRow[];
  /** True when every row from the first one listed to the head recomputes and links. */
  verified: boolean;
  /** The hash of the newest row checked: compare it with a copy of the head kept elsewhere. */
  headHash: string | null;
  /** Rows recomputed, the subject's and every later one. */
  checkedRows: number;
  /** The first row that failed, when one did. */
  brokenId?: number;
}

type Row = typeof auditLog.$inferSelect;

function parsed(row: Row): JsonValue | undefined {
  try {
    return JSON.parse(row.data) as JsonValue;
  } catch {
    return undefined;
  }
}

/** Rows intact when each one's hash covers its contents and names the one before it. */
function walkToHead(db: Executor, first: Row, pageSize: number): Omit<AuditProof, 'rows'> {
  let prevHash = first.prevHash;
  let prevId = first.id - 1;
  let checkedRows = 0;
  for (;;) {
    const page = db.select().from(auditLog).where(gt(auditLog.id, prevId)).orderBy(asc(auditLog.id)).limit(pageSize).all();
    for (const row of page) {
      const data = parsed(row);
      const { hash, prevHash: _prev, data: _text, ...fields } = row;
      if (row.id !== prevId + 1 || row.prevHash !== prevHash || data === undefined || auditHash(prevHash, { ...fields, data }) !== hash) {
        return { verified: false, headHash: null, checkedRows, brokenId: row.id };
      }
      prevHash = hash;
      prevId = row.id;
      checkedRows++;
    }
    if (page.length < pageSize) return { verified: true, headHash: prevHash, checkedRows };
  }
}

export function auditProof(db: Executor, subjectType: string, subjectId: string, pageSize = 1000): AuditProof {
  const rows = db.select().from(auditLog)
    .where(and(eq(auditLog.subjectType, subjectType), eq(auditLog.subjectId, subjectId))).orderBy(asc(auditLog.id)).all();
  const first = rows[0];
  const shown = rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, data: parsed(r) ?? r.data, prevHash: r.prevHash, hash: r.hash }));
  if (first === undefined) return { rows: shown, verified: false, headHash: null, checkedRows: 0 };
  return { rows: shown, ...walkToHead(db, first, pageSize) };
}
