import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { toHex } from '../../../shared/bytes/hex.ts';
import { canonicalJson, type JsonValue } from '../../audit/canonical-json.ts';
import { ApiError, type ApiErrorStatus } from '../../errors/api-error.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import type { WalletEnv } from '../../middleware/wallet-signature/index.ts';
import {
  applyReceipt, cancelPayment, ivFrom, ownedPayment, paymentView, payWithKey, requestDigest, resealPayment,
  type PayOutcome, type PaymentDeps, type StoredResponse,
} from '../../services/payments/index.ts';
import { bytesField } from './bytes.ts';
import { BOX_ID, notFound, parseBody } from './validate.ts';
import type { ErrorDescription, OperationDescription } from '../../openapi/types.ts';
import { PAYMENT_ANSWER, PAYMENT_REFUSED, SEALED_PAYMENT } from './responses.ts';

export const PayBody = z.strictObject({
  sessionId: z.string().min(1).max(64).optional(),
  boxId: z.string().regex(BOX_ID, 'must be 16 hex digits').optional(),
  iv: bytesField(64),
  sku: z.string().min(1).max(64).optional(),
  amountMinor: z.number().int().positive().max(0xffffffff).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code').optional(),
  units: z.number().int().min(1).max(0xffff).default(1),
})
  .refine((b) => b.sessionId !== undefined || b.boxId !== undefined, { message: 'name the sessionId or the boxId', path: ['boxId'] })
  .refine((b) => (b.sku === undefined) !== (b.amountMinor === undefined && b.currency === undefined), { message: 'give a sku, or an amountMinor with its currency', path: ['sku'] })
  .refine((b) => (b.amountMinor === undefined) === (b.currency === undefined), { message: 'amountMinor and currency go together', path: ['currency'] });
export const ReceiptBody = z.strictObject({ receipt: bytesField(128) });
export const ResealBody = z.strictObject({ iv: bytesField(64) });
export const CancelBody = z.strictObject({});
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
export const PAYMENT_ID = /^pay_[0-9a-f]{24}$/;

/** How the payment service's CloudErrors reach a wallet; anything else is a fault of ours (500). */
const ERRORS: Record<string, [ApiErrorStatus, string?]> = {
  box_not_found: [404, 'boxId'], session_not_found: [404, 'sessionId'], merchandise_not_found: [404, 'sku'], payment_not_found: [404],
  session_box_mismatch: [400, 'sessionId'], session_expired: [409, 'sessionId'], merchant_inactive: [403, 'boxId'],
  iv_invalid: [400, 'iv'], amount_invalid: [400, 'amountMinor'], units_invalid: [400, 'units'], sku_required: [422, 'sku'],
  currency_unsupported: [422, 'currency'], box_key_not_found: [409, 'boxId'], illegal_transition: [409], payment_closed: [409],
  payment_not_resealable: [409], receipt_invalid: [400, 'receipt'], receipt_mac_invalid: [400, 'receipt'],
  receipt_box_mismatch: [409, 'receipt'], receipt_txn_mismatch: [409, 'receipt'], idempotency_key_reused: [409], idempotency_in_flight: [409],
  payment_not_charged: [409], refund_exceeds_payment: [409],
};

function toApiError(err: unknown): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (!(err instanceof CloudError)) return undefined;
  const mapped = ERRORS[err.code];
  if (!mapped) return undefined;
  const [status, param] = mapped;
  const type = err.code.startsWith('idempotency_') ? 'idempotency_error' : 'invalid_request_error';
  return new ApiError({ status, type, code: err.code, message: err.message, ...(param ? { param } : {}) });
}

async function forWallet<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toApiError(err) ?? err;
  }
}

function outcomeResponse(outcome: PayOutcome): StoredResponse {
  const payment = paymentView(outcome.payment);
  switch (outcome.kind) {
    case 'accepted':
      return { status: 201, body: { payment, telegram: toHex(outcome.telegram), telegramExpiresAt: outcome.telegramExpiresAt } };
    case 'pending':
      return { status: 202, body: { payment } };
    case 'closed':
      return { status: 409, body: { error: { type: 'invalid_request_error', code: 'payment_closed', message: 'the charge came back after the payment had closed and is being refunded', param: null }, payment } };
    case 'declined':
      return {
        status: 402,
        body: { error: { type: 'invalid_request_error', code: 'payment_declined', message: outcome.message, param: null, declineCode: outcome.code, declinedBy: outcome.by }, payment },
      };
  }
}

/** A refusal the wallet caused, as stored under its Idempotency-Key; undefined for a fault of ours. */
function storedRefusal(err: unknown): StoredResponse | undefined {
  const apiError = toApiError(err);
  return apiError && { status: apiError.status, body: apiError.toBody() };
}

const send = (c: Context<WalletEnv>, r: StoredResponse) => c.json(r.body as Record<string, unknown>, r.status as ContentfulStatusCode);

function paymentId(c: Context<WalletEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!PAYMENT_ID.test(id)) throw notFound('payment_not_found', 'no payment with this id');
  return id;
}

/**
 * POST /v1/wallet/payments (Idempotency-Key required), GET /:id, POST /:id/receipt, /:id/cancel and /:id/reseal.
 * The acquirer is called outside any transaction; a validation failure never claims the key, and a fault of
 * ours releases it so the retry can run. The request's nonce commits with each route's own first write.
 */
export function paymentRoutes(deps: PaymentDeps): Hono<WalletEnv> {
  const { db } = deps;
  return new Hono<WalletEnv>()
    .post('/', async (c) => {
      const key = c.req.header('idempotency-key') ?? '';
      if (!IDEMPOTENCY_KEY.test(key)) {
        throw new ApiError({ status: 400, type: 'idempotency_error', code: 'idempotency_key_invalid', message: 'send an Idempotency-Key header of 1 to 255 printable characters', param: 'Idempotency-Key' });
      }
      const raw = c.get('body');
      const body = parseBody(PayBody, raw);
      const wallet = c.get('wallet');
      const digest = requestDigest('POST', '/v1/wallet/payments', canonicalJson(raw as JsonValue));
      const response = await forWallet(() => payWithKey(deps, wallet, {
        key, digest, respond: outcomeResponse, refuse: storedRefusal, alsoWrite: c.get('nonce').record,
        request: () => ({
          ...(body.sessionId === undefined ? {} : { sessionId: body.sessionId }),
          ...(body.boxId === undefined ? {} : { boxId: body.boxId.toLowerCase() }),
          iv: ivFrom(body.iv), idempotencyKey: key,
          order: body.sku !== undefined ? { sku: body.sku, units: body.units } : { amountMinor: body.amountMinor!, currency: body.currency!, units: body.units },
        }),
      }));
      return send(c, response);
    })
    .get('/:id', async (c) => {
      const payment = await forWallet(() => ownedPayment(db, c.get('wallet'), paymentId(c)));
      return c.json({ payment: paymentView(payment) });
    })
    .post('/:id/receipt', async (c) => {
      const { receipt } = parseBody(ReceiptBody, c.get('body'));
      const payment = await forWallet(() => applyReceipt(deps, c.get('wallet'), paymentId(c), receipt, c.get('nonce').record));
      return c.json({ payment: paymentView(payment) });
    })
    .post('/:id/cancel', async (c) => {
      parseBody(CancelBody, c.get('body'));
      const payment = await forWallet(() => cancelPayment(deps, c.get('wallet'), paymentId(c), c.get('nonce').record));
      return c.json({ payment: paymentView(payment) });
    })
    .post('/:id/reseal', async (c) => {
      const { iv } = parseBody(ResealBody, c.get('body'));
      const { payment, sealed } = await forWallet(() => resealPayment(deps, c.get('wallet'), paymentId(c), ivFrom(iv), c.get('nonce').record));
      return c.json({ payment: paymentView(payment), telegram: toHex(sealed.telegram), telegramExpiresAt: sealed.expiresAt });
    });
}

const err = (status: number, code: string, description: string): ErrorDescription => ({ status, code, description });
const UNKNOWN = err(404, 'payment_not_found', 'no payment of this wallet app with this id');
const params = { id: z.string().regex(PAYMENT_ID) };

export const operations: OperationDescription[] = [{
  method: 'post', path: '/v1/wallet/payments', operationId: 'createPayment', tag: 'payments', security: 'wallet',
  summary: 'Pay for merchandise (sku × units, priced by the cloud) or an amount at a merchant-counter box',
  description: 'Controls first, then Request, the acquirer outside any transaction, then Accept with the sealed telegram. Served only with an acquirer.',
  idempotencyKey: z.string().regex(IDEMPOTENCY_KEY),
  body: { name: 'PaymentRequest', schema: PayBody },
  responses: {
    201: { description: 'approved (Accept): write `telegram` to the box', body: SEALED_PAYMENT },
    202: { description: 'the acquirer has not answered yet: poll GET /v1/wallet/payments/{id}', body: PAYMENT_ANSWER },
    402: { description: 'declined by the acquirer or the controls (`payment_declined`, with `declineCode` and `declinedBy`)', body: PAYMENT_REFUSED },
  },
  errors: [
    err(400, 'idempotency_key_invalid', 'no Idempotency-Key of 1 to 255 printable characters'),
    err(409, 'idempotency_key_reused', 'the key was used with another body'),
    err(409, 'idempotency_in_flight', 'the first request with this key still runs'),
    err(409, 'payment_closed', 'the charge came back after the payment closed; the body also carries `payment`'),
    err(404, 'box_not_found', 'no box with this id'), err(404, 'session_not_found', 'no such session'),
    err(404, 'merchandise_not_found', 'no such sku at this box\'s store'), err(400, 'session_box_mismatch', 'the session is for another box'),
    err(409, 'session_expired', 'the session has expired'), err(403, 'merchant_inactive', 'the box\'s merchant is not active'),
    err(400, 'iv_invalid', 'not an IV message nor a 16-byte IV'), err(400, 'amount_invalid', 'the amount is out of range'),
    err(400, 'units_invalid', 'units out of range for the box'), err(422, 'sku_required', 'only merchant-counter boxes take an amount'),
    err(422, 'currency_unsupported', 'the box\'s store does not take this currency'), err(409, 'box_key_not_found', 'the box has no active key'),
  ],
}, {
  method: 'get', path: '/v1/wallet/payments/:id', operationId: 'getPayment', tag: 'payments', security: 'wallet', params,
  summary: 'A payment of this wallet app (others get 404)',
  responses: { 200: { description: 'the payment', body: PAYMENT_ANSWER } },
  errors: [UNKNOWN],
}, {
  method: 'post', path: '/v1/wallet/payments/:id/receipt', operationId: 'postReceipt', tag: 'payments', security: 'wallet', params,
  summary: 'The box\'s RECEIPT: OK → Finish; a machine failure → Failed and an automatic refund',
  body: { name: 'ReceiptRequest', schema: ReceiptBody },
  responses: { 200: { description: 'the payment after the receipt (the same again for a repeated receipt)', body: PAYMENT_ANSWER } },
  errors: [
    UNKNOWN, err(400, 'receipt_invalid', 'not a RECEIPT message'), err(400, 'receipt_mac_invalid', 'the receipt\'s MAC does not verify'),
    err(409, 'receipt_box_mismatch', 'the receipt is from another box'), err(409, 'receipt_txn_mismatch', 'the receipt is for another txnId'),
    err(409, 'payment_closed', 'the payment was already canceled or expired; the receipt is recorded for review'),
    err(409, 'illegal_transition', 'the payment cannot move to the receipt\'s state'),
  ],
}, {
  method: 'post', path: '/v1/wallet/payments/:id/cancel', operationId: 'cancelPayment', tag: 'payments', security: 'wallet', params,
  summary: 'Cancel before delivery (Request or Accept → Canceled, refunded if charged); write CANCEL to the box first',
  body: { name: 'CancelRequest', schema: CancelBody },
  responses: { 200: { description: 'the canceled payment', body: PAYMENT_ANSWER } },
  errors: [UNKNOWN, err(409, 'illegal_transition', 'the payment is past Accept')],
}, {
  method: 'post', path: '/v1/wallet/payments/:id/reseal', operationId: 'resealPayment', tag: 'payments', security: 'wallet', params,
  summary: 'The lost-receipt path: the same txnId, amount and units sealed for the box\'s new IV',
  body: { name: 'ResealRequest', schema: ResealBody },
  responses: { 200: { description: 'write `telegram` to the box; a box that ran it already answers DUPLICATE', body: SEALED_PAYMENT } },
  errors: [UNKNOWN, err(400, 'iv_invalid', 'not an IV message nor a 16-byte IV'), err(409, 'payment_not_resealable', 'only in Accept before expiresAt')],
}];
