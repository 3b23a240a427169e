// The audit log as operators read it. A merchant account sees the rows whose data names its merchant: every
// operator service records `merchantId` in the data of what it audits, so the row says whose it is without a
// join per subject type. Rows without one (platform and system actions) are for platform accounts only.
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { verifyAuditChain, type AuditVerification } from '../../audit/verify.ts';
import type { JsonValue } from '../../audit/canonical-json.ts';
import type { Executor } from '../../db/open.ts';
import { auditLog } from '../../db/schema/index.ts';
import { decodeCursor, pageLimit, toPage, type Page, type PageRequest } from './page.ts';
import type { OperatorPrincipal } from './permissions.ts';

export interface AuditRowView {
  id: number;
  at: number;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  data: JsonValue;
  prevHash: string;
  hash: string;
}

export interface AuditFilter extends PageRequest {
  actor?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
}

const merchantOf = sql`json_extract(${auditLog.data}, '$.merchantId')`;

/** Newest first, filtered by exact actor, action and subject. */
export function listAudit(db: Executor, principal: OperatorPrincipal, filter: AuditFilter): Page<AuditRowView> {
  const limit = pageLimit(filter);
  const conditions: (SQL | undefined)[] = [
    principal.merchantId === null ? undefined : sql`${merchantOf} = ${principal.merchantId}`,
    filter.actor === undefined ? undefined : eq(auditLog.actor, filter.actor),
    filter.action === undefined ? undefined : eq(auditLog.action, filter.action),
    filter.subjectType === undefined ? undefined : eq(auditLog.subjectType, filter.subjectType),
    filter.subjectId === undefined ? undefined : eq(auditLog.subjectId, filter.subjectId),
    filter.cursor === undefined ? undefined : lt(auditLog.id, Number(decodeCursor(filter.cursor, 1)[0])),
  ];
  const rows = db.select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.id)).limit(limit + 1).all();
  return toPage(rows, limit, (r) => [r.id], (r) => ({ ...r, data: JSON.parse(r.data) as JsonValue }));
}

/**
 * The whole chain checked from row 1. A merchant account gets the same answer: the chain is one for the whole
 * installation, and its length and head hash say nothing about another merchant's rows.
 */
export function verifyAudit(db: Executor): AuditVerification {
  return verifyAuditChain(db);
}
