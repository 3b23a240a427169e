import type { Context } from 'hono';
import { CloudError } from '../../../errors/cloud-error.ts';
import { exportTransactionsCsv } from '../../../services/payment-admin/export.ts';
import { parseTransactionQuery } from '../../../services/payment-admin/filter.ts';
import type { SiteContext, SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { readSearchForm, searchQueryString, serviceQuery } from './query-form.ts';

// Excel opens a CSV without a byte-order mark in the system's legacy code page, which garbles Chinese names.
const BOM = '\uFEFF';

/**
 * The query page's search as CSV, streamed page by page. A search the form cannot run goes back to the query
 * page, which shows why.
 */
export function exportPage({ db }: SiteDeps, c: Context<SiteEnv>, ctx: SiteContext): Response {
  const form = readSearchForm(c.req.query());
  const { query, errors } = serviceQuery(form, ctx.t);
  const back = () => {
    const qs = searchQueryString(form);
    return c.redirect(qs ? `/admin/payments?${qs}` : '/admin/payments', 303);
  };
  if (errors.length > 0) return back();
  let filter;
  try {
    filter = parseTransactionQuery(query).filter;
  } catch (err) {
    if (!(err instanceof CloudError)) throw err;
    return back();
  }
  const chunks = exportTransactionsCsv(db, ctx.principal, filter);
  const encoder = new TextEncoder();
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(first ? BOM + next.value : next.value));
      first = false;
    },
  });
  const day = new Date(ctx.now).toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="transactions-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
