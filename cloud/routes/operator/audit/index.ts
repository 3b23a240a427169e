import { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../../../middleware/operator-auth/index.ts';
import type { OperationDescription } from '../../../openapi/types.ts';
import { listAudit, verifyAudit } from '../../../services/authority/index.ts';
import type { AppEnv } from '../../../types.ts';
import type { OperatorDeps } from '../deps.ts';
import { forOperator } from '../errors.ts';
import { PAGE_QUERY, pageSchema, parseQuery } from '../query.ts';

const text = z.string().min(1).max(200);
const QUERY = {
  actor: text.optional().describe('exact actor, e.g. operator:acc_… or system'),
  action: text.optional().describe('exact action, e.g. account.created'),
  subjectType: text.optional().describe('e.g. account, box, payment'),
  subjectId: text.optional(),
};

const AuditRow = z.object({
  id: z.number().int(), at: z.number().int(), actor: z.string(), action: z.string(), subjectType: z.string(), subjectId: z.string(),
  data: z.unknown().describe('the action\'s details (never a secret)'),
  prevHash: z.string().describe('the previous row\'s hash (64 zeros for row 1)'),
  hash: z.string().describe('hex SHA-256(prevHash ‖ canonical JSON of the row)'),
});
const Verification = z.union([
  z.object({ ok: z.literal(true), rows: z.number().int(), head: z.string().describe('the newest row\'s hash: keep a copy elsewhere to detect truncation') }),
  z.object({ ok: z.literal(false), rows: z.number().int().describe('rows that verified before the break'), brokenId: z.number().int(), reason: z.string() }),
]);

/** `/audit`: the hash-chained audit log and its verification; `audit.view`. */
export function auditRoutes({ db }: OperatorDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .use('*', requirePermission('audit.view'))
    .get('/', async (c) => {
      const query = parseQuery(c, { ...PAGE_QUERY, ...QUERY });
      return c.json(await forOperator(() => listAudit(db, c.var.operator, query)));
    })
    .get('/verify', (c) => c.json(verifyAudit(db)));
}

const common = { tag: 'operator-audit', security: 'operator' as const, permission: 'audit.view' as const };

export const operations: OperationDescription[] = [
  {
    ...common, method: 'get', path: '/v1/operator/audit', operationId: 'listAudit', query: { ...PAGE_QUERY, ...QUERY },
    summary: 'Audit rows, newest first; a merchant account sees the rows about its own merchant',
    responses: { 200: { description: 'a page of rows', body: { name: 'OperatorAuditPage', schema: pageSchema(AuditRow) } } },
    errors: [
      { status: 400, code: 'cursor_invalid', description: 'the cursor is not one this API returned' },
      { status: 400, code: 'parameter_invalid', description: 'a query parameter is invalid; `param` names it' },
    ],
  },
  {
    ...common, method: 'get', path: '/v1/operator/audit/verify', operationId: 'verifyAudit',
    summary: 'Walks the whole chain from row 1: rows checked and the head hash, or the first broken row and why',
    responses: { 200: { description: 'the verification (a broken chain is still 200, with ok: false)', body: { name: 'OperatorAuditVerification', schema: Verification } } },
  },
];
