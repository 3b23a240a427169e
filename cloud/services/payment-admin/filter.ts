// The transaction query's filters as a query string carries them (the REST route, the site's GET form and the
// CSV export all read the same names), and their typed form. Empty fields count as absent: a blank form field
// filters nothing.
import { z } from 'zod';
import { PAYMENT_STATES, type PaymentState } from '../../db/schema/payments.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, type PageRequest } from '../authority/page.ts';
import { checkTimeZone, parseInstant } from './zoned-time.ts';

const id = z.string().min(1).max(64);
const minor = z.string().regex(/^\d{1,15}$/, 'must be whole minor units').transform(Number);
const instant = z.string().max(40).describe('ms since the epoch, ISO 8601 date-time, or YYYY-MM-DD (a whole day in `tz`)');

export const TRANSACTION_QUERY = {
  merchantId: id.optional(),
  merchantCode: z.string().min(1).max(64).optional().describe('exact merchant code'),
  merchantName: z.string().min(1).max(100).optional().describe('part of the merchant\'s name, any case'),
  storeId: id.optional(),
  boxId: z.string().regex(/^[0-9a-fA-F]{16}$/).optional(),
  walletAppId: id.optional(),
  state: z.string().max(200).optional().describe(`comma-separated states: ${PAYMENT_STATES.join(', ')}`),
  from: instant.optional().describe('inclusive lower bound of the payment\'s creation time'),
  to: instant.optional().describe('exclusive upper bound; a date alone includes that whole day'),
  tz: z.string().max(64).optional().describe('IANA time zone that dates are read in (default UTC)'),
  minAmount: minor.optional().describe('inclusive, minor units'),
  maxAmount: minor.optional().describe('inclusive, minor units'),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  txnId: z.string().regex(/^[0-9a-fA-F]{16}$/).optional().describe('the telegram\'s transaction id, 16 hex digits'),
  paymentId: id.optional(),
};

export const PAGE_QUERY = {
  limit: z.string().regex(/^\d{1,3}$/).transform(Number).pipe(z.number().int().min(1).max(MAX_PAGE_LIMIT)).optional()
    .describe(`1..${MAX_PAGE_LIMIT}, default ${DEFAULT_PAGE_LIMIT}`),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
};

export const transactionQuerySchema = z.object(TRANSACTION_QUERY);
export const pageQuerySchema = z.object(PAGE_QUERY);

export interface TransactionFilter {
  merchantId?: string;
  merchantCode?: string;
  merchantName?: string;
  storeId?: string;
  boxId?: string;
  walletAppId?: string;
  states?: PaymentState[];
  /** Creation time, ms: from inclusive, to exclusive. */
  from?: number;
  to?: number;
  minAmount?: number;
  maxAmount?: number;
  currency?: string;
  /** The telegram txnId as a number (the column's form). */
  txnId?: number;
  paymentId?: string;
}

function states(text: string): PaymentState[] {
  const out = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const s of out) {
    if (!(PAYMENT_STATES as readonly string[]).includes(s)) throw new CloudError('parameter_invalid', `state: ${s} is not a payment state`);
  }
  return out as PaymentState[];
}

/** The typed filter of already-validated query fields; dates and states may still be refused (CloudError). */
export function transactionFilter(q: z.infer<typeof transactionQuerySchema>): TransactionFilter {
  const tz = checkTimeZone(q.tz ?? 'UTC');
  const f: TransactionFilter = {};
  if (q.merchantId !== undefined) f.merchantId = q.merchantId;
  if (q.merchantCode !== undefined) f.merchantCode = q.merchantCode;
  if (q.merchantName !== undefined) f.merchantName = q.merchantName;
  if (q.storeId !== undefined) f.storeId = q.storeId;
  if (q.boxId !== undefined) f.boxId = q.boxId.toLowerCase();
  if (q.walletAppId !== undefined) f.walletAppId = q.walletAppId;
  if (q.state !== undefined) f.states = states(q.state);
  if (q.from !== undefined) f.from = parseInstant(q.from, tz, 'start');
  if (q.to !== undefined) f.to = parseInstant(q.to, tz, 'end');
  if (q.minAmount !== undefined) f.minAmount = q.minAmount;
  if (q.maxAmount !== undefined) f.maxAmount = q.maxAmount;
  if (q.currency !== undefined) f.currency = q.currency;
  if (q.txnId !== undefined) f.txnId = Number.parseInt(q.txnId, 16);
  if (q.paymentId !== undefined) f.paymentId = q.paymentId;
  return f;
}

/** Drops blank values, as an HTML form sends them for fields left empty. */
export function withoutBlanks(raw: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined && v.trim() !== '') out[k] = v.trim();
  return out;
}

function parsed<T extends z.ZodType>(schema: T, raw: Record<string, string>): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new CloudError('parameter_invalid', issue ? `${issue.path.join('.') || 'query'}: ${issue.message}` : 'the query is invalid');
}

/** For the site: a whole query string (filters and page) to the typed filter, or CloudError `parameter_invalid`. */
export function parseTransactionQuery(raw: Record<string, string | undefined>): { filter: TransactionFilter; page: PageRequest } {
  const clean = withoutBlanks(raw);
  const page = parsed(pageQuerySchema, clean);
  return {
    filter: transactionFilter(parsed(transactionQuerySchema, clean)),
    page: { ...(page.limit === undefined ? {} : { limit: page.limit }), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) },
  };
}
