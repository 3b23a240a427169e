import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../../errors/api-error.ts';
import { requirePermission } from '../../../middleware/operator-auth/index.ts';
import type { OperationDescription } from '../../../openapi/types.ts';
import { ACQUIRER_KINDS, getAcquirerSettings, setAcquirerSettings } from '../../../services/payment-admin/index.ts';
import type { AppEnv } from '../../../types.ts';
import { parseBody } from '../../wallet/validate.ts';
import type { OperatorDeps } from '../deps.ts';
import { forOperator } from '../errors.ts';
import { PAYMENT_ADMIN_ERRORS } from '../payments/errors.ts';

const MERCHANT_ID = z.string().min(1).max(64);

export const AcquirerSettingsBody = z.strictObject({
  kind: z.enum(ACQUIRER_KINDS),
  settings: z.record(z.string(), z.unknown()).default({}).describe('http: baseUrl, merchant (the id at the acquirer), optional name, timeoutMs, maxAttempts, backoffBaseMs, backoffMaxMs, callbackToleranceS'),
  secret: z.string().min(16).max(512).optional().describe('http: the gateway\'s signing secret; write-only, absent keeps the one set'),
});

export const AcquirerSettings = z.object({
  merchantId: z.string(),
  kind: z.enum(ACQUIRER_KINDS),
  settings: z.record(z.string(), z.unknown()),
  secretSet: z.boolean().describe('the secret itself is never answered'),
  updatedAt: z.number().int(),
  updatedBy: z.string(),
});

/** `/v1/operator/acquirer-settings/:merchantId`: a merchant's acquirer. */
export function acquirerSettingsRoutes({ db, kek, now }: OperatorDeps): Hono<AppEnv> {
  const merchantId = (raw: string | undefined) => MERCHANT_ID.safeParse(raw).data ?? '';
  return new Hono<AppEnv>()
    .use('*', requirePermission('acquirers.manage'))
    .get('/:merchantId', async (c) => {
      const found = await forOperator(() => getAcquirerSettings(db, c.var.operator, merchantId(c.req.param('merchantId'))), PAYMENT_ADMIN_ERRORS);
      if (found === null) throw new ApiError({ status: 404, type: 'invalid_request_error', code: 'acquirer_settings_not_found', message: 'this merchant has no acquirer set up' });
      return c.json(found);
    })
    .put('/:merchantId', async (c) => {
      const body = parseBody(AcquirerSettingsBody, c.var.body);
      const input = { kind: body.kind, settings: body.settings, ...(body.secret === undefined ? {} : { secret: body.secret }) };
      return c.json(await forOperator(() => setAcquirerSettings(db, kek, c.var.operator, merchantId(c.req.param('merchantId')), input, now()), PAYMENT_ADMIN_ERRORS));
    });
}

const base = { tag: 'operator-acquirer', security: 'operator', permission: 'acquirers.manage', params: { merchantId: MERCHANT_ID } } as const;
const answer = { description: 'the settings (never the secret)', body: { name: 'AcquirerSettings', schema: AcquirerSettings } };
const UNKNOWN = { status: 404, code: 'merchant_not_found', description: 'no merchant with this id that this account may see' };

export const operations: OperationDescription[] = [
  { ...base, method: 'get', path: '/v1/operator/acquirer-settings/:merchantId', operationId: 'getAcquirerSettings', summary: 'A merchant\'s acquirer: kind and public settings; `secretSet` instead of the secret',
    responses: { 200: answer }, errors: [UNKNOWN, { status: 404, code: 'acquirer_settings_not_found', description: 'nothing set up yet' }] },
  { ...base, method: 'put', path: '/v1/operator/acquirer-settings/:merchantId', operationId: 'setAcquirerSettings', summary: 'Set up or change a merchant\'s acquirer; the secret is sealed under the KEK',
    description: 'Checked as cloud start checks WAYGO_ACQUIRER. Payments are still charged through the process-wide acquirer (docs/operator-payments.md).',
    body: { name: 'AcquirerSettingsRequest', schema: AcquirerSettingsBody }, responses: { 200: answer },
    errors: [UNKNOWN, { status: 422, code: 'acquirer_config_invalid', description: 'the settings do not make a working acquirer (fields named, values never echoed)' }] },
];
