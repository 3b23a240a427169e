import { and } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import type { OperatorPrincipal } from '../authority/permissions.ts';
import { requirePermission } from './access.ts';
import { decodeCursor, pageLimit, toPage, type Page, type PageRequest } from '../authority/page.ts';
import type { TransactionFilter } from './filter.ts';
import { afterKey, filterConditions, rowKey, selectTransactions, transactionRow, type TransactionRow } from './transaction-rows.ts';

/** One page of the transactions the principal may see that match `filter`, newest first. */
export function queryTransactions(db: Executor, principal: OperatorPrincipal, filter: TransactionFilter, page: PageRequest = {}): Page<TransactionRow> {
  requirePermission(principal, 'payments.view');
  const limit = pageLimit(page);
  const where = and(filterConditions(principal, filter), page.cursor === undefined ? undefined : afterKey(decodeCursor(page.cursor, 2)));
  return toPage(selectTransactions(db, where, limit + 1), limit, rowKey, transactionRow);
}
