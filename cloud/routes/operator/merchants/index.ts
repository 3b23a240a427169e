import { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../../../middleware/operator-auth/index.ts';
import type { OperationDescription } from '../../../openapi/types.ts';
import { createMerchant, getMerchant, listMerchants, updateMerchant } from '../../../services/payment-admin/index.ts';
import type { AppEnv } from '../../../types.ts';
import { parseBody } from '../../wallet/validate.ts';
import type { OperatorDeps } from '../deps.ts';
import { forOperator } from '../errors.ts';
import { PAYMENT_ADMIN_ERRORS } from '../payments/errors.ts';
import { PAGE_QUERY, pageSchema, parseQuery } from '../query.ts';

const ID = z.string().min(1).max(64);
const STATUS = z.enum(['active', 'suspended', 'closed']);
const CODE = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/).describe('the merchant code statements print; unique');
export const CreateMerchantBody = z.strictObject({ name: z.string().min(1).max(100), code: CODE.nullable().optional() });
export const UpdateMerchantBody = z.strictObject({
  name: z.string().min(1).max(100).optional(),
  code: CODE.nullable().optional().describe('platform accounts only; null clears it'),
  status: STATUS.optional().describe('platform accounts only; a merchant not active takes no payments'),
});
export const Merchant = z.object({ id: z.string(), name: z.string(), code: z.string().nullable(), status: STATUS, createdAt: z.number().int() });

/** `/v1/operator/merchants`: platform accounts create merchants; a merchant account sees and renames its own. */
export function merchantRoutes({ db, now }: OperatorDeps): Hono<AppEnv> {
  const id = (raw: string | undefined) => ID.safeParse(raw).data ?? '';
  return new Hono<AppEnv>()
    .get('/', requirePermission('payments.view'), async (c) => {
      const { limit, cursor } = parseQuery(c, PAGE_QUERY);
      return c.json(await forOperator(() => listMerchants(db, c.var.operator, { limit, ...(cursor === undefined ? {} : { cursor }) }), PAYMENT_ADMIN_ERRORS));
    })
    .get('/:id', requirePermission('payments.view'), async (c) => c.json(await forOperator(() => getMerchant(db, c.var.operator, id(c.req.param('id'))), PAYMENT_ADMIN_ERRORS)))
    .post('/', requirePermission('accounts.manage'), async (c) => {
      const body = parseBody(CreateMerchantBody, c.var.body);
      return c.json(await forOperator(() => createMerchant(db, c.var.operator, body, now()), PAYMENT_ADMIN_ERRORS), 201);
    })
    .patch('/:id', requirePermission('accounts.manage'), async (c) => {
      const body = parseBody(UpdateMerchantBody, c.var.body);
      return c.json(await forOperator(() => updateMerchant(db, c.var.operator, id(c.req.param('id')), body, now()), PAYMENT_ADMIN_ERRORS));
    });
}

const base = { tag: 'operator-merchants', security: 'operator' } as const;
const one = { description: 'the merchant', body: { name: 'Merchant', schema: Merchant } };
const UNKNOWN = { status: 404, code: 'merchant_not_found', description: 'no merchant with this id that this account may see' };
const CODE_ERRORS = [{ status: 409, code: 'merchant_code_taken', description: 'another merchant has this code' }];
const PLATFORM_ONLY = { status: 403, code: 'platform_only', description: 'a merchant account cannot do this' };

export const operations: OperationDescription[] = [
  { ...base, method: 'get', path: '/v1/operator/merchants', operationId: 'listMerchants', permission: 'payments.view', summary: 'Merchants this account may see (its own, or all for a platform account)',
    query: PAGE_QUERY, responses: { 200: { description: 'one page', body: { name: 'MerchantPage', schema: pageSchema(Merchant) } } } },
  { ...base, method: 'get', path: '/v1/operator/merchants/:id', operationId: 'getMerchant', permission: 'payments.view', summary: 'One merchant', params: { id: ID }, responses: { 200: one }, errors: [UNKNOWN] },
  { ...base, method: 'post', path: '/v1/operator/merchants', operationId: 'createMerchant', permission: 'accounts.manage', summary: 'Create a merchant (platform accounts only)',
    body: { name: 'CreateMerchant', schema: CreateMerchantBody }, responses: { 201: one }, errors: [PLATFORM_ONLY, ...CODE_ERRORS] },
  { ...base, method: 'patch', path: '/v1/operator/merchants/:id', operationId: 'updateMerchant', permission: 'accounts.manage', summary: 'Rename a merchant; change its code or status (platform accounts only)',
    params: { id: ID }, body: { name: 'UpdateMerchant', schema: UpdateMerchantBody }, responses: { 200: one }, errors: [UNKNOWN, PLATFORM_ONLY, ...CODE_ERRORS] },
];
