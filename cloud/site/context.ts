import type { Context, Handler } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import { CloudError } from '../errors/cloud-error.ts';
import type { OperatorPrincipal, Permission } from '../services/authority/permissions.ts';
import type { AppEnv } from '../types.ts';
import type { Locale, Translate } from './i18n/index.ts';
import { translator } from './i18n/index.ts';
import { errorPage, forbiddenPage } from './pages/error-pages.tsx';

/** What every page renders with; pages that need no sign-in (the login page) get a null principal. */
export interface PublicContext {
  principal: OperatorPrincipal | null;
  t: Translate;
  locale: Locale;
  /** The session's CSRF token, put into every POST form as `_csrf`; empty without a session. */
  csrf: string;
  /** The request's clock reading, ms since the epoch. */
  now: number;
  /** The signed-in account's display name, shown in the header. */
  accountName?: string;
}

export interface SiteContext extends PublicContext {
  principal: OperatorPrincipal;
}

/** Set once per request by the site's session middleware (cloud/site/session.ts). */
export interface SiteState {
  principal: OperatorPrincipal | null;
  accountName: string;
  locale: Locale;
  csrf: string;
  now: number;
}

export interface SiteEnv {
  Variables: AppEnv['Variables'] & { site: SiteState };
}

export type SiteBody = HtmlEscapedString | Promise<HtmlEscapedString> | Response | Promise<Response>;
export type SiteHandler<C extends PublicContext = SiteContext> = (c: Context<SiteEnv>, ctx: C) => SiteBody | Promise<SiteBody>;

const NO_STATE: SiteState = { principal: null, accountName: '', locale: 'en', csrf: '', now: 0 };

export function publicContext(c: Context<SiteEnv>): PublicContext {
  // The state is missing only when the session middleware itself failed; the error page still renders.
  const { principal, accountName, locale, csrf, now } = (c.var.site as SiteState | undefined) ?? NO_STATE;
  return { principal, accountName, locale, csrf, now, t: translator(locale) };
}

/** The signed-in page context; only call it behind `sitePage`, which has checked there is a principal. */
export function siteContext(c: Context<SiteEnv>): SiteContext {
  const ctx = publicContext(c);
  if (!ctx.principal) throw new CloudError('site_not_signed_in', 'this page needs a signed-in operator');
  return { ...ctx, principal: ctx.principal };
}

function loginRedirect(c: Context<SiteEnv>): Response {
  const url = new URL(c.req.url);
  const next = c.req.method === 'GET' ? url.pathname + url.search : '/admin';
  return c.redirect(`/admin/login?next=${encodeURIComponent(next)}`, 303);
}

/** A handler sets a status other than 200 with `c.status()` before returning its page. */
async function toResponse(c: Context<SiteEnv>, body: SiteBody, status?: 403 | 404 | 422): Promise<Response> {
  const resolved = await body;
  if (resolved instanceof Response) return resolved;
  return status === undefined ? c.html(resolved) : c.html(resolved, status);
}

/**
 * Wraps a page: no session → the login page (back here afterwards), no permission → a 403 page, a service's
 * CloudError → a page naming its code. Anything else is a fault of ours and reaches the site's error handler.
 * A null permission means any signed-in operator may see the page.
 */
export function sitePage(permission: Permission | null, handler: SiteHandler): Handler<SiteEnv> {
  return async (c) => {
    const ctx = publicContext(c);
    if (!ctx.principal) return loginRedirect(c);
    const signedIn: SiteContext = { ...ctx, principal: ctx.principal };
    if (permission && !signedIn.principal.permissions.includes(permission)) {
      return toResponse(c, forbiddenPage(signedIn, permission), 403);
    }
    try {
      return await toResponse(c, await handler(c, signedIn));
    } catch (err) {
      if (err instanceof CloudError) return toResponse(c, errorPage(signedIn, err), err.code.endsWith('_not_found') ? 404 : 422);
      throw err;
    }
  };
}

/** A page anyone may open (login); it still gets the locale, clock and CSRF token when there is a session. */
export function publicPage(handler: SiteHandler<PublicContext>): Handler<SiteEnv> {
  return async (c) => toResponse(c, await handler(c, publicContext(c)));
}
