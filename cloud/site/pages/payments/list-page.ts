import { CloudError } from '../../../errors/cloud-error.ts';
import { parseTransactionQuery } from '../../../services/payment-admin/filter.ts';
import { queryTransactions } from '../../../services/payment-admin/query.ts';
import type { SiteContext } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { searchOptions } from './filter-options.ts';
import { listView } from './list-view.tsx';
import { readSearchForm, serviceQuery } from './query-form.ts';

/**
 * The query page. A filter the service refuses (a bad date, a stale cursor) is shown as a form error on the
 * page rather than an error page, so the reader can fix the search in place.
 */
export function listPage({ db }: SiteDeps, ctx: SiteContext, query: Record<string, string | undefined>) {
  const form = readSearchForm(query);
  const { query: service, errors } = serviceQuery(form, ctx.t);
  const cursor = query.cursor;
  const options = searchOptions(db, ctx.principal);
  if (errors.length > 0) return listView({ ctx, form, options, errors, page: null, hasPrevious: false });
  try {
    const parsed = parseTransactionQuery({ ...service, cursor, limit: query.limit });
    const page = queryTransactions(db, ctx.principal, parsed.filter, parsed.page);
    return listView({ ctx, form, options, errors: [], page, hasPrevious: cursor !== undefined && cursor !== '' });
  } catch (err) {
    if (!(err instanceof CloudError) || !['parameter_invalid', 'date_invalid', 'tz_invalid', 'cursor_invalid'].includes(err.code)) throw err;
    return listView({ ctx, form, options, errors: [{ message: ctx.t('payments.searchInvalid', { detail: err.message }) }], page: null, hasPrevious: false });
  }
}
