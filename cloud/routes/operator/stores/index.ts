import { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../../../middleware/operator-auth/index.ts';
import type { OperationDescription } from '../../../openapi/types.ts';
import { createStore, getStore, listStores, renameStore } from '../../../services/payment-admin/index.ts';
import type { AppEnv } from '../../../types.ts';
import { parseBody } from '../../wallet/validate.ts';
import type { OperatorDeps } from '../deps.ts';
import { forOperator } from '../errors.ts';
import { PAYMENT_ADMIN_ERRORS } from '../payments/errors.ts';
import { PAGE_QUERY, pageSchema, parseQuery } from '../query.ts';

const ID = z.string().min(1).max(64);
export const CreateStoreBody = z.strictObject({
  merchantId: ID.optional().describe('required of a platform account; a merchant account\'s own otherwise'),
  name: z.string().min(1).max(100),
});
export const RenameStoreBody = z.strictObject({ name: z.string().min(1).max(100) });
export const Store = z.object({ id: z.string(), merchantId: z.string(), name: z.string(), createdAt: z.number().int() });

/** `/v1/operator/stores`: where boxes stand and merchandise is sold. */
export function storeRoutes({ db, now }: OperatorDeps): Hono<AppEnv> {
  const id = (raw: string | undefined) => ID.safeParse(raw).data ?? '';
  return new Hono<AppEnv>()
    .get('/', requirePermission('boxes.view'), async (c) => {
      const { merchantId, limit, cursor } = parseQuery(c, { merchantId: ID.optional(), ...PAGE_QUERY });
      const filter = merchantId === undefined ? {} : { merchantId };
      return c.json(await forOperator(() => listStores(db, c.var.operator, filter, { limit, ...(cursor === undefined ? {} : { cursor }) }), PAYMENT_ADMIN_ERRORS));
    })
    .get('/:id', requirePermission('boxes.view'), async (c) => c.json(await forOperator(() => getStore(db, c.var.operator, id(c.req.param('id'))), PAYMENT_ADMIN_ERRORS)))
    .post('/', requirePermission('boxes.manage'), async (c) => {
      const body = parseBody(CreateStoreBody, c.var.body);
      return c.json(await forOperator(() => createStore(db, c.var.operator, body, now()), PAYMENT_ADMIN_ERRORS), 201);
    })
    .patch('/:id', requirePermission('boxes.manage'), async (c) => {
      const body = parseBody(RenameStoreBody, c.var.body);
      return c.json(await forOperator(() => renameStore(db, c.var.operator, id(c.req.param('id')), body, now()), PAYMENT_ADMIN_ERRORS));
    });
}

const base = { tag: 'operator-stores', security: 'operator' } as const;
const one = { description: 'the store', body: { name: 'Store', schema: Store } };
const UNKNOWN = { status: 404, code: 'store_not_found', description: 'no store with this id that this account may see' };

export const operations: OperationDescription[] = [
  { ...base, method: 'get', path: '/v1/operator/stores', operationId: 'listStores', permission: 'boxes.view', summary: 'Stores this account may see, newest first',
    query: { merchantId: ID.optional(), ...PAGE_QUERY }, responses: { 200: { description: 'one page', body: { name: 'StorePage', schema: pageSchema(Store) } } } },
  { ...base, method: 'get', path: '/v1/operator/stores/:id', operationId: 'getStore', permission: 'boxes.view', summary: 'One store', params: { id: ID }, responses: { 200: one }, errors: [UNKNOWN] },
  { ...base, method: 'post', path: '/v1/operator/stores', operationId: 'createStore', permission: 'boxes.manage', summary: 'Open a store for a merchant',
    body: { name: 'CreateStore', schema: CreateStoreBody }, responses: { 201: one },
    errors: [{ status: 404, code: 'merchant_not_found', description: 'no such merchant that this account may see' }, { status: 400, code: 'merchant_required', description: 'a platform account names the merchant' }] },
  { ...base, method: 'patch', path: '/v1/operator/stores/:id', operationId: 'renameStore', permission: 'boxes.manage', summary: 'Rename a store', params: { id: ID },
    body: { name: 'RenameStore', schema: RenameStoreBody }, responses: { 200: one }, errors: [UNKNOWN] },
];
