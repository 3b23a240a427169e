import { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../../../middleware/operator-auth/index.ts';
import type { OperationDescription } from '../../../openapi/types.ts';
import {
  MAX_REPORT_DAYS, REPORT_DIMENSIONS, TRANSACTION_QUERY, dailyReport, exportTransactionsCsv, transactionFilter,
} from '../../../services/payment-admin/index.ts';
import type { AppEnv } from '../../../types.ts';
import type { OperatorDeps } from '../deps.ts';
import { forOperator } from '../errors.ts';
import { PAYMENT_ADMIN_ERRORS } from '../payments/errors.ts';
import { FILTER_ERRORS } from '../payments/operations.ts';
import { csvStream } from './csv-stream.ts';
import { parseQuery } from '../query.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

export const REPORT_QUERY = {
  from: date.describe('first local day, included'),
  to: date.describe(`last local day, included (at most ${MAX_REPORT_DAYS} days)`),
  tz: z.string().max(64).optional().describe('IANA time zone the days are counted in (default UTC)'),
  by: z.enum(REPORT_DIMENSIONS).default('store').describe('one series per store, box or wallet app (and currency)'),
  merchantId: z.string().min(1).max(64).optional(),
  storeId: z.string().min(1).max(64).optional(),
};

const totals = { count: z.number().int(), amountMinor: z.number().int(), refundedMinor: z.number().int(), netMinor: z.number().int() };

export const DailyReport = z.object({
  by: z.enum(REPORT_DIMENSIONS),
  tz: z.string(),
  from: z.string(),
  to: z.string(),
  dates: z.array(z.string()).describe('every day of the range, in order: the x axis'),
  series: z.array(z.object({
    key: z.object({ id: z.string(), name: z.string() }),
    currency: z.string(),
    days: z.array(z.object({ date: z.string(), ...totals })),
    total: z.object(totals),
  })),
});

/** `/v1/operator/reports`: daily totals as JSON for charts, and the transaction query as CSV. */
export function reportRoutes({ db, now }: OperatorDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/transactions.csv', requirePermission('payments.view'), async (c) => {
    const query = parseQuery(c, TRANSACTION_QUERY);
    const chunks = await forOperator(() => exportTransactionsCsv(db, c.var.operator, transactionFilter(query)), PAYMENT_ADMIN_ERRORS);
    const day = new Date(now()).toISOString().slice(0, 10);
    return c.body(csvStream(chunks), 200, {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': `attachment; filename="transactions-${day}.csv"`,
      'cache-control': 'no-store',
    });
  }).get('/daily', requirePermission('payments.view'), async (c) => {
    const q = parseQuery(c, REPORT_QUERY);
    const input = {
      from: q.from, to: q.to, by: q.by, ...(q.tz === undefined ? {} : { tz: q.tz }),
      ...(q.merchantId === undefined ? {} : { merchantId: q.merchantId }), ...(q.storeId === undefined ? {} : { storeId: q.storeId }),
    };
    return c.json(await forOperator(() => dailyReport(db, c.var.operator, input), PAYMENT_ADMIN_ERRORS));
  });
}

export const operations: OperationDescription[] = [{
  method: 'get', path: '/v1/operator/reports/transactions.csv', operationId: 'exportTransactions', tag: 'operator-reports', security: 'operator', permission: 'payments.view',
  summary: 'The transaction query (GET /v1/operator/payments, same filters) as CSV: RFC 4180, UTF-8 with a byte-order mark, a header row; streamed page by page',
  description: 'Cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) are prefixed with a single quote.',
  query: TRANSACTION_QUERY,
  responses: { 200: { description: 'the CSV file', mediaType: 'text/csv', body: { name: 'TransactionCsv', schema: z.string() } } },
  errors: FILTER_ERRORS,
}, {
  method: 'get', path: '/v1/operator/reports/daily', operationId: 'dailyReport', tag: 'operator-reports', security: 'operator', permission: 'payments.view',
  summary: 'Daily totals (count, amount, refunded, net) per store, box or wallet app over a date range in a time zone',
  description: 'Counts payments whose charge was approved; a refund counts on its payment\'s day. Days with nothing are zeros, so each series has one entry per date.',
  query: REPORT_QUERY,
  responses: { 200: { description: 'the series', body: { name: 'DailyReport', schema: DailyReport } } },
  errors: [
    { status: 400, code: 'parameter_invalid', description: 'a parameter is malformed' },
    { status: 400, code: 'tz_invalid', description: 'tz is not an IANA time zone' },
    { status: 400, code: 'range_invalid', description: 'from is after to' },
    { status: 400, code: 'range_too_long', description: `more than ${MAX_REPORT_DAYS} days` },
  ],
}];
