// CSV of a transaction query, produced a page at a time so a long export never sits in memory: each page is
// read with the previous page's cursor, the same keyset the query page uses. RFC 4180 (CRLF, quotes doubled)
// and formula-safe: a cell a spreadsheet would run (= + - @, tab, CR) is prefixed with a quote.
import { and } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { Executor } from '../../db/open.ts';
import type { OperatorPrincipal } from '../authority/permissions.ts';
import { requirePermission } from './access.ts';
import type { CursorKey } from '../authority/page.ts';
import type { TransactionFilter } from './filter.ts';
import { afterKey, filterConditions, rowKey, selectTransactions, transactionRow, type TransactionRow } from './transaction-rows.ts';

export const CSV_COLUMNS: readonly [string, (r: TransactionRow) => string | number][] = [
  ['payment_id', (r) => r.id],
  ['txn_id', (r) => r.txnId],
  ['created_at', (r) => new Date(r.createdAt).toISOString()],
  ['merchant_code', (r) => r.merchant.code ?? ''],
  ['merchant_name', (r) => r.merchant.name],
  ['store', (r) => r.store.name],
  ['box_id', (r) => r.box.id],
  ['machine', (r) => r.box.machineName ?? ''],
  ['wallet_app', (r) => r.walletApp.name],
  ['sku', (r) => r.merchandise?.sku ?? ''],
  ['merchandise', (r) => r.merchandise?.name ?? ''],
  ['units', (r) => r.units],
  ['amount_minor', (r) => r.amountMinor],
  ['currency', (r) => r.currency],
  ['state', (r) => r.state],
  ['refunded_minor', (r) => r.refundedMinor],
];

const OPTIONS = { escape_formulas: true, record_delimiter: 'windows' } as const;

function* chunks(db: Executor, principal: OperatorPrincipal, filter: TransactionFilter, pageSize: number): Generator<string, void, undefined> {
  yield stringify([CSV_COLUMNS.map(([name]) => name)], OPTIONS);
  const base = filterConditions(principal, filter);
  let after: CursorKey | undefined;
  for (;;) {
    const rows = selectTransactions(db, and(base, after === undefined ? undefined : afterKey(after)), pageSize);
    if (rows.length === 0) return;
    yield stringify(rows.map((r) => {
      const row = transactionRow(r);
      return CSV_COLUMNS.map(([, value]) => value(row));
    }), OPTIONS);
    if (rows.length < pageSize) return;
    after = rowKey(rows[rows.length - 1]!);
  }
}

/**
 * CSV text in chunks (the header row first, then one chunk per page of rows), newest payment first. The
 * permission is checked now, before the caller starts an answer; the rows are read as the chunks are taken.
 */
export function exportTransactionsCsv(db: Executor, principal: OperatorPrincipal, filter: TransactionFilter, pageSize = 2000): Generator<string, void, undefined> {
  requirePermission(principal, 'payments.view');
  return chunks(db, principal, filter, pageSize);
}
