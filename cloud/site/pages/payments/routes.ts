import { Hono } from 'hono';
import { sitePage, type SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { pathParam } from '../../forms.ts';
import { detailPage, refundPage } from './detail-page.ts';
import { exportPage } from './export-page.ts';
import { listPage } from './list-page.ts';

/** Transaction query, detail, refunds and CSV export under /admin/payments. */
export function paymentPages(deps: SiteDeps): Hono<SiteEnv> {
  const app = new Hono<SiteEnv>();
  app.get('/payments', sitePage('payments.view', (c, ctx) => listPage(deps, ctx, c.req.query())));
  // Before /payments/:id, which would otherwise take "export.csv" for a payment id.
  app.get('/payments/export.csv', sitePage('payments.view', (c, ctx) => exportPage(deps, c, ctx)));
  app.get('/payments/:id', sitePage('payments.view', (c, ctx) => detailPage(deps, ctx, pathParam(c, 'id'), c.req.query('refund'))));
  app.post('/payments/:id/refund', sitePage('payments.refund', (c, ctx) => refundPage(deps, c, ctx, pathParam(c, 'id'))));
  return app;
}
