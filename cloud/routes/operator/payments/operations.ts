import type { ErrorDescription, OperationDescription } from '../../../openapi/types.ts';
import { TRANSACTION_QUERY } from '../../../services/payment-admin/index.ts';
import { PAGE_QUERY, pageSchema } from '../query.ts';
import { PAYMENT_ID, RefundAnswer, RefundBody, TransactionDetail, TransactionRow } from './schemas.ts';

const err = (status: number, code: string, description: string): ErrorDescription => ({ status, code, description });
const UNKNOWN = err(404, 'payment_not_found', 'no payment with this id that this account may see (another merchant\'s answers the same)');
export const FILTER_ERRORS = [
  err(400, 'parameter_invalid', 'a filter is malformed; `param` names it'), err(400, 'date_invalid', 'from or to is not ms, an ISO date-time or a date'),
  err(400, 'tz_invalid', 'tz is not an IANA time zone'),
];
const params = { id: PAYMENT_ID };

export const operations: OperationDescription[] = [{
  method: 'get', path: '/v1/operator/payments', operationId: 'queryTransactions', tag: 'operator-payments', security: 'operator', permission: 'payments.view',
  summary: 'The transaction query: filters by merchant, merchant code or name, store, box, wallet app, state, dates, amounts, currency and ids',
  description: 'Newest first, ties broken by id; cursor pagination. A merchant account sees only its own merchant\'s payments.',
  query: { ...TRANSACTION_QUERY, ...PAGE_QUERY },
  responses: { 200: { description: 'one page of transactions', body: { name: 'TransactionPage', schema: pageSchema(TransactionRow) } } },
  errors: [...FILTER_ERRORS, err(400, 'cursor_invalid', 'the cursor is not one this API returned')],
}, {
  method: 'get', path: '/v1/operator/payments/:id', operationId: 'transactionDetail', tag: 'operator-payments', security: 'operator', permission: 'payments.view', params,
  summary: 'One transaction: state history, receipts, refunds, and its audit rows with the proof that they chain to the head',
  responses: { 200: { description: 'the transaction', body: { name: 'TransactionDetail', schema: TransactionDetail } } },
  errors: [UNKNOWN],
}, {
  method: 'post', path: '/v1/operator/payments/:id/refunds', operationId: 'refundTransaction', tag: 'operator-payments', security: 'operator', permission: 'payments.refund', params,
  summary: 'Refund all that remains or a part of it, through the acquirer',
  description: 'Send an `Idempotency-Key` header (or `clientRefundId`): the same key for the same payment answers the same refund (200, `replayed`) '
    + 'instead of paying twice. The refund may come back `pending` (the acquirer settles it later) or `failed`. The payment becomes Refunded once refunds reach its amount.',
  body: { name: 'RefundRequest', schema: RefundBody },
  responses: {
    201: { description: 'the refund was asked of the acquirer; its state says how it went', body: { name: 'RefundAnswer', schema: RefundAnswer } },
    200: { description: 'the key named an earlier refund', body: { name: 'RefundAnswer', schema: RefundAnswer } },
  },
  errors: [
    UNKNOWN, err(400, 'idempotency_key_invalid', 'Idempotency-Key is not 1 to 255 printable characters'),
    err(409, 'refund_exceeds_payment', 'the amount is more than what remains (nothing remains after a full refund)'),
    err(409, 'payment_not_charged', 'nothing was charged for this payment'),
    err(409, 'idempotency_key_reused', 'the key was used for another amount'),
  ],
}];
