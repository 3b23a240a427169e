import { Hono } from 'hono';
import { sitePage, type SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { reportsPage } from './reports-page.tsx';

/** Daily totals per store, box and wallet app, as charts and tables, under /admin/reports. */
export function reportPages(deps: SiteDeps): Hono<SiteEnv> {
  const app = new Hono<SiteEnv>();
  app.get('/reports', sitePage('payments.view', (c, ctx) => reportsPage(deps, ctx, c.req.query())));
  return app;
}
