import { Hono } from 'hono';
import type { Acquirer, AcquirerCallback } from '../../acquirers/types.ts';
import { ApiError } from '../../errors/api-error.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { applyAcquirerCallback, callbackAcquirers, type PaymentDeps } from '../../services/payments/index.ts';
import type { AppEnv } from '../../types.ts';
import { z } from 'zod';
import { callbackBody } from '../../acquirers/http/protocol.ts';
import { PAYMENT_STATES } from '../../db/schema/payments.ts';
import type { OperationDescription } from '../../openapi/types.ts';

/** How a callback's CloudError reaches the gateway; a gateway retries anything but 2xx. */
function toApiError(err: CloudError): ApiError | undefined {
  if (err.code.startsWith('signature_')) return new ApiError({ status: 401, type: 'authentication_error', code: err.code, message: err.message });
  if (err.code === 'callback_malformed') return new ApiError({ status: 400, type: 'invalid_request_error', code: err.code, message: err.message });
  if (err.code === 'payment_not_found' || err.code === 'refund_not_found') return new ApiError({ status: 404, type: 'invalid_request_error', code: err.code, message: err.message, param: 'reference' });
  return undefined;
}

/**
 * The callback checked by the first acquirer of that name whose signature it bears. Merchants with their own
 * gateway account share a name but not a secret, so each is tried; the first signature error is the answer when
 * none verifies.
 */
function verified(candidates: Acquirer[], raw: string, headers: Headers): { via: Acquirer; callback: AcquirerCallback } {
  let first: unknown;
  for (const via of candidates) {
    try {
      return { via, callback: via.verifyCallback!(raw, headers) };
    } catch (err) {
      if (!(err instanceof CloudError && err.code.startsWith('signature_'))) throw err;
      first ??= err;
    }
  }
  throw first;
}

/**
 * POST /v1/acquirers/:name/callback: not wallet-signed; the acquirer's own `verifyCallback` checks its signature
 * over the raw body before anything in it is used. 200 `{received, applied, payment}`; a repeat is 200 with
 * `applied: false`.
 */
export function acquirerRoutes(deps: PaymentDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/:name/callback', async (c) => {
    const candidates = callbackAcquirers(deps, c.req.param('name'));
    if (candidates.length === 0) {
      throw new ApiError({ status: 404, type: 'invalid_request_error', code: 'acquirer_not_found', message: 'no acquirer with this name takes callbacks' });
    }
    try {
      const { via, callback } = verified(candidates, await c.req.text(), c.req.raw.headers);
      const { applied, payment } = await applyAcquirerCallback(deps, callback, via);
      return c.json({ received: true, applied, payment: { id: payment.id, state: payment.state } });
    } catch (err) {
      throw (err instanceof CloudError ? toApiError(err) : undefined) ?? err;
    }
  });
}

export const CallbackAnswer = z.object({
  received: z.literal(true),
  applied: z.boolean().describe('false for a repeat that changed nothing'),
  payment: z.object({ id: z.string(), state: z.enum(PAYMENT_STATES) }),
});

export const operations: OperationDescription[] = [{
  method: 'post', path: '/v1/acquirers/:name/callback', operationId: 'acquirerCallback', tag: 'acquirers', security: 'none',
  params: { name: z.string().describe('the configured acquirer\'s name') },
  summary: 'A charge or refund update from the acquirer, signed with its own scheme (the http gateway: `Gateway-Signature: t=…,v1=HMAC`)',
  description: 'Not wallet-signed: the acquirer verifies its signature over the raw body before anything in it is used. Served only with an acquirer that calls back. The body shown is the http gateway\'s.',
  body: { name: 'GatewayCallback', schema: callbackBody },
  responses: { 200: { description: 'received; a repeat is 200 with `applied: false`', body: { name: 'CallbackAnswer', schema: CallbackAnswer } } },
  errors: [
    { status: 404, code: 'acquirer_not_found', description: 'no acquirer with this name takes callbacks' },
    { status: 401, code: 'signature_missing', description: 'no signature header' },
    { status: 401, code: 'signature_malformed', description: 'the signature header is not `t=<unix seconds>,v1=<64 hex>`' },
    { status: 401, code: 'signature_stale', description: 'the signature timestamp is outside the tolerance' },
    { status: 401, code: 'signature_mismatch', description: 'the signature does not match the body' },
    { status: 400, code: 'callback_malformed', description: 'not a charge or refund update' },
    { status: 404, code: 'payment_not_found', description: 'no payment with this reference' },
    { status: 404, code: 'refund_not_found', description: 'no refund with this reference' },
  ],
}];
