import { Hono } from 'hono';
import { requirePermission } from '../../../middleware/operator-auth/index.ts';
import {
  TRANSACTION_QUERY, queryTransactions, refundTransaction, transactionDetail, transactionFilter,
} from '../../../services/payment-admin/index.ts';
import type { AppEnv } from '../../../types.ts';
import { parseBody } from '../../wallet/validate.ts';
import type { OperatorDeps } from '../deps.ts';
import { forOperator } from '../errors.ts';
import { PAGE_QUERY, parseQuery } from '../query.ts';
import { PAYMENT_ADMIN_ERRORS } from './errors.ts';
import { PAYMENT_ID, RefundBody } from './schemas.ts';
import { ApiError } from '../../../errors/api-error.ts';

export { operations } from './operations.ts';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

function paymentId(id: string | undefined): string {
  const parsed = PAYMENT_ID.safeParse(id);
  if (!parsed.success) throw new ApiError({ status: 404, type: 'invalid_request_error', code: 'payment_not_found', message: 'no payment with this id' });
  return parsed.data;
}
/** `/v1/operator/payments`: the transaction query, a transaction's detail and refunds (the CSV export is a report). */
export function paymentAdminRoutes(deps: OperatorDeps): Hono<AppEnv> {
  const { db, now } = deps;
  const app = new Hono<AppEnv>()
    .get('/', requirePermission('payments.view'), async (c) => {
      const { limit, cursor, ...query } = parseQuery(c, { ...TRANSACTION_QUERY, ...PAGE_QUERY });
      const page = await forOperator(() => queryTransactions(db, c.var.operator, transactionFilter(query), { limit, ...(cursor === undefined ? {} : { cursor }) }), PAYMENT_ADMIN_ERRORS);
      return c.json(page);
    })
    .get('/:id', requirePermission('payments.view'), async (c) => {
      const id = paymentId(c.req.param('id'));
      return c.json(await forOperator(() => transactionDetail(db, c.var.operator, id), PAYMENT_ADMIN_ERRORS));
    });
  if (deps.acquirer) {
    const payments = { db, kek: deps.kek, acquirer: deps.acquirer, now };
    app.post('/:id/refunds', requirePermission('payments.refund'), async (c) => {
      const id = paymentId(c.req.param('id'));
      const body = parseBody(RefundBody, c.var.body);
      const header = c.req.header('idempotency-key');
      if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) {
        throw new ApiError({ status: 400, type: 'idempotency_error', code: 'idempotency_key_invalid', message: 'an Idempotency-Key is 1 to 255 printable characters', param: 'Idempotency-Key' });
      }
      const key = header ?? body.clientRefundId;
      const result = await forOperator(() => refundTransaction(payments, c.var.operator, {
        paymentId: id, reason: body.reason, ...(body.amountMinor === undefined ? {} : { amountMinor: body.amountMinor }), ...(key === undefined ? {} : { idempotencyKey: key }),
      }), PAYMENT_ADMIN_ERRORS);
      return c.json(result, result.replayed ? 200 : 201);
    });
  }
  return app;
}
