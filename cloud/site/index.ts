import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { trimTrailingSlash } from 'hono/trailing-slash';
import type { AppEnv } from '../types.ts';
import { publicContext, type SiteEnv } from './context.ts';
import type { SiteDeps } from './deps.ts';
import { auditPages } from './pages/audit/index.tsx';
import { authPages } from './pages/auth/index.tsx';
import { boxPages } from './pages/boxes/index.tsx';
import { accountPages, apiKeyPages, departmentPages, rolePages } from './pages/authority/index.ts';
import { dashboardPages } from './pages/dashboard/index.tsx';
import { merchantPages } from './pages/merchants/index.tsx';
import { paymentPages } from './pages/payments/index.ts';
import { acquirerPages } from './pages/acquirer/index.ts';
import { merchandisePages } from './pages/merchandise/index.ts';
import { reportPages } from './pages/reports/index.ts';
import { internalErrorPage, notFoundPage } from './pages/error-pages.tsx';
import { siteSession } from './session.ts';
import { stylesheet } from './static.ts';

export type { SiteDeps } from './deps.ts';
export type { PublicContext, SiteContext, SiteEnv, SiteHandler } from './context.ts';
export { publicPage, siteContext, sitePage } from './context.ts';

/**
 * The management web site at /admin: server-rendered pages whose forms post urlencoded or multipart bodies.
 * The app mounts it whole (`hono/mount`) rather than merging its routes, because its pages are not operations
 * of the API and must stay out of the API's route table and OpenAPI document.
 */
export function siteRoutes(deps: SiteDeps): Hono<AppEnv> {
  const site = new Hono<SiteEnv>();
  // No script, no inline style and no frame anywhere on the site: the policy says so, which also keeps another
  // page from framing a form (clickjacking) or an injected tag from loading anything.
  site.use('*', secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], scriptSrc: ["'none'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'],
      formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"], objectSrc: ["'none'"],
    },
    referrerPolicy: 'same-origin',
  }));
  // `/admin/` typed by hand finds the dashboard: a page not found with a trailing slash redirects without it.
  site.use('*', trimTrailingSlash());
  site.get('/static/site.css', stylesheet());
  site.use('*', siteSession({ db: deps.db, now: deps.now }));
  site.route('/', authPages(deps));
  site.route('/', dashboardPages(deps));
  site.route('/accounts', accountPages(deps));
  site.route('/roles', rolePages(deps));
  site.route('/departments', departmentPages(deps));
  site.route('/api-keys', apiKeyPages(deps));
  site.route('/audit', auditPages(deps));
  site.route('/boxes', boxPages(deps));
  site.route('/merchants', merchantPages(deps));
  site.route('/', paymentPages(deps));
  site.route('/', reportPages(deps));
  site.route('/', merchandisePages(deps));
  site.route('/', acquirerPages(deps));

  site.all('*', (c) => c.html(notFoundPage(publicContext(c)), 404));
  site.onError((err, c) => {
    deps.logger?.error('site error', {
      method: c.req.method, path: c.req.path,
      error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
    });
    return c.html(internalErrorPage(publicContext(c)), 500);
  });
  const outer = new Hono<AppEnv>().basePath('/admin');
  outer.route('/', site);
  return outer;
}
