import { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../../../middleware/operator-auth/index.ts';
import type { ErrorDescription, OperationDescription } from '../../../openapi/types.ts';
import {
  SCENARIO_NAMES, createMerchandise, deleteMerchandise, getMerchandise, listMerchandise, updateMerchandise, type ScenarioName,
} from '../../../services/payment-admin/index.ts';
import type { AppEnv } from '../../../types.ts';
import { parseBody } from '../../wallet/validate.ts';
import type { OperatorDeps } from '../deps.ts';
import { forOperator } from '../errors.ts';
import { PAYMENT_ADMIN_ERRORS } from '../payments/errors.ts';
import { PAGE_QUERY, pageSchema, parseQuery } from '../query.ts';

const ID = z.string().min(1).max(64);
const scenario = z.enum(SCENARIO_NAMES as [ScenarioName, ...ScenarioName[]]);

export const MerchandiseBody = z.strictObject({
  sku: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  priceMinor: z.number().int().min(0).max(0xffffffff).describe('price of one item, minor units'),
  currency: z.string().regex(/^[A-Z]{3}$/).describe('ISO 4217 alphabetic code'),
  scenario: scenario.describe('the machine scenario the params are checked for'),
  params: z.record(z.string(), z.unknown()).default({}).describe('pay_by_time {minutes}, pay_by_count {count}, once/multi_locker {hours} (each with an optional outputIndex 0..3), digital_interface {machineSku}, merchant_counter {}'),
});
export const CreateMerchandiseBody = MerchandiseBody.extend({ storeId: ID });

export const Merchandise = z.object({
  id: z.string(), storeId: z.string(), sku: z.string(), name: z.string(), priceMinor: z.number().int(), currency: z.string(),
  scenario: scenario.nullable(), params: z.record(z.string(), z.unknown()), createdAt: z.number().int(),
});

/** `/v1/operator/merchandise`: what each store sells. */
export function merchandiseRoutes({ db, now }: OperatorDeps): Hono<AppEnv> {
  const id = (raw: string | undefined) => ID.safeParse(raw).data ?? '';
  return new Hono<AppEnv>()
    .use('*', requirePermission('merchandise.manage'))
    .get('/', async (c) => {
      const { storeId, limit, cursor } = parseQuery(c, { storeId: ID, ...PAGE_QUERY });
      return c.json(await forOperator(() => listMerchandise(db, c.var.operator, storeId, { limit, ...(cursor === undefined ? {} : { cursor }) }), PAYMENT_ADMIN_ERRORS));
    })
    .get('/:id', async (c) => c.json(await forOperator(() => getMerchandise(db, c.var.operator, id(c.req.param('id'))), PAYMENT_ADMIN_ERRORS)))
    .post('/', async (c) => {
      const body = parseBody(CreateMerchandiseBody, c.var.body);
      return c.json(await forOperator(() => createMerchandise(db, c.var.operator, body, now()), PAYMENT_ADMIN_ERRORS), 201);
    })
    .put('/:id', async (c) => {
      const body = parseBody(MerchandiseBody, c.var.body);
      return c.json(await forOperator(() => updateMerchandise(db, c.var.operator, id(c.req.param('id')), body, now()), PAYMENT_ADMIN_ERRORS));
    })
    .delete('/:id', async (c) => {
      await forOperator(() => deleteMerchandise(db, c.var.operator, id(c.req.param('id')), now()), PAYMENT_ADMIN_ERRORS);
      return c.body(null, 204);
    });
}

const err = (status: number, code: string, description: string): ErrorDescription => ({ status, code, description });
const UNKNOWN = err(404, 'merchandise_not_found', 'no merchandise with this id that this account may see');
const INVALID = [
  err(409, 'sku_taken', 'the store already sells this SKU'), err(422, 'currency_unsupported', 'not a currency boxes take'),
  err(422, 'scenario_params_invalid', 'params do not fit the scenario'), err(400, 'sku_invalid', 'not 1 to 64 printable ASCII characters'),
];
const base = { tag: 'operator-merchandise', security: 'operator', permission: 'merchandise.manage' } as const;
const params = { id: ID };
const one = { description: 'the merchandise', body: { name: 'Merchandise', schema: Merchandise } };

export const operations: OperationDescription[] = [
  { ...base, method: 'get', path: '/v1/operator/merchandise', operationId: 'listMerchandise', summary: 'A store\'s merchandise, newest first', query: { storeId: ID, ...PAGE_QUERY },
    responses: { 200: { description: 'one page', body: { name: 'MerchandisePage', schema: pageSchema(Merchandise) } } }, errors: [err(404, 'store_not_found', 'no such store that this account may see')] },
  { ...base, method: 'get', path: '/v1/operator/merchandise/:id', operationId: 'getMerchandise', summary: 'One merchandise item', params, responses: { 200: one }, errors: [UNKNOWN] },
  { ...base, method: 'post', path: '/v1/operator/merchandise', operationId: 'createMerchandise', summary: 'Add merchandise to a store (SKU unique per store)',
    body: { name: 'CreateMerchandise', schema: CreateMerchandiseBody }, responses: { 201: one }, errors: [err(404, 'store_not_found', 'no such store that this account may see'), ...INVALID] },
  { ...base, method: 'put', path: '/v1/operator/merchandise/:id', operationId: 'updateMerchandise', summary: 'Replace an item\'s SKU, name, price, currency and scenario params', params,
    body: { name: 'UpdateMerchandise', schema: MerchandiseBody }, responses: { 200: one }, errors: [UNKNOWN, ...INVALID] },
  { ...base, method: 'delete', path: '/v1/operator/merchandise/:id', operationId: 'deleteMerchandise', summary: 'Remove an item (past payments keep its SKU)', params,
    responses: { 204: { description: 'removed' } }, errors: [UNKNOWN] },
];
