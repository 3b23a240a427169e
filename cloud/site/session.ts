import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { accounts } from '../db/schema/index.ts';
import { CSRF_FIELD, checkCsrf, sessionCsrf, sessionToken } from '../middleware/operator-auth/index.ts';
import { sessionPrincipal } from '../services/authority/index.ts';
import { publicContext, type SiteEnv } from './context.ts';
import { isLocale, pickLocale } from './i18n/index.ts';
import { refusedPage } from './pages/error-pages.tsx';

export const LANG_COOKIE = 'waygo_lang';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface SiteSessionOptions {
  db: Db;
  now: () => number;
}

/**
 * Finds the signed-in operator (cookie sessions only: an API key is for scripts, not browsers), the locale and
 * the CSRF token, and refuses any unsafe request of a session whose form lacks the session's `_csrf`.
 * The login form has no session yet; it is guarded by the origin check instead.
 */
export const siteSession = ({ db, now }: SiteSessionOptions): MiddlewareHandler<SiteEnv> => async (c, next) => {
  const at = now();
  const token = sessionToken(c);
  const principal = token ? sessionPrincipal(db, token, at) : null;
  const locale = pickLocale({
    account: principal?.locale,
    query: c.req.query('lang'),
    cookie: getCookie(c, LANG_COOKIE),
    acceptLanguage: c.req.header('accept-language'),
  });
  const csrf = principal ? sessionCsrf(c) ?? '' : '';
  const accountName = principal
    ? db.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, principal.accountId)).get()?.name ?? ''
    : '';
  c.set('site', { principal, accountName, locale, csrf, now: at });
  const asked = c.req.query('lang');
  if (isLocale(asked)) setCookie(c, LANG_COOKIE, asked, { sameSite: 'Lax', path: '/admin', maxAge: 365 * 86400 });
  if (UNSAFE.has(c.req.method)) {
    if (!sameOrigin(c.req.header('origin'), c.req.header('sec-fetch-site'), c.req.url)) return c.html(refusedPage(publicContext(c), 'error.crossSite'), 403);
    if (principal) {
      const form = await c.req.parseBody();
      const field = form[CSRF_FIELD];
      if (!checkCsrf(c, principal, typeof field === 'string' ? field : undefined)) return c.html(refusedPage(publicContext(c), 'error.csrf'), 403);
    }
  }
  await next();
};

/** Browsers say where a form came from; a form posted from another site is refused before it does anything. */
function sameOrigin(origin: string | undefined, fetchSite: string | undefined, url: string): boolean {
  if (fetchSite === 'cross-site') return false;
  if (origin === undefined || origin === 'null') return true;
  // Hosts, not origins: behind a TLS proxy the request URL says http while the browser's origin says https.
  try {
    return new URL(origin).host === new URL(url).host;
  } catch {
    return false;
  }
}
