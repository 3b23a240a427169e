// How a request proves which operator sends it: a cookie session (the site, a browser) or an API key (a script).
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Executor } from '../../db/open.ts';
import { apiKeyPrincipal, csrfTokenFor, sessionPrincipal, SESSION_MAX_MS } from '../../services/authority/index.ts';
import type { OperatorPrincipal } from '../../services/authority/index.ts';
import { sameSecret } from '../../services/authority/tokens.ts';

export const SESSION_COOKIE = 'waygo_session';
export const CSRF_HEADER = 'X-CSRF-Token';
export const CSRF_FIELD = '_csrf';
const UNSAFE = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** The request came over TLS, directly or through a proxy that says so. */
function overTls(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/**
 * Sets the session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it),
 * Secure whenever the request came over TLS. Its Max-Age is the absolute lifetime; idle expiry is the server's.
 */
export function sessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'Strict', path: '/', secure: overTls(c), maxAge: Math.floor(SESSION_MAX_MS / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: overTls(c), httpOnly: true, sameSite: 'Strict' });
}

/** The session token in the request's cookie, if any. */
export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

function bearer(c: Context): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  return match ? match[1] : undefined;
}

/**
 * The operator behind the request, or null. A bearer key is tried first when one is sent (a script), and a
 * wrong key is never rescued by a cookie, so a script with a revoked key fails loudly.
 */
export function authenticate(c: Context, db: Executor, now: number): OperatorPrincipal | null {
  const key = bearer(c);
  if (key !== undefined) return apiKeyPrincipal(db, key, now);
  const token = sessionToken(c);
  return token === undefined ? null : sessionPrincipal(db, token, now);
}

/** The CSRF token the site puts in its forms: derived from the session cookie, so nothing stores it. */
export function sessionCsrf(c: Context): string | undefined {
  const token = sessionToken(c);
  return token === undefined ? undefined : csrfTokenFor(token);
}

/**
 * Whether an unsafe request may proceed. API keys are not sent by browsers on their own, so they need no CSRF
 * token; a cookie session must send the session's token in `X-CSRF-Token` or, from a form, in `_csrf`
 * (`formField` is that field's value, read by the caller that parsed the form).
 */
export function checkCsrf(c: Context, principal: OperatorPrincipal, formField?: string): boolean {
  if (principal.via === 'api_key' || !UNSAFE.includes(c.req.method)) return true;
  const expected = sessionCsrf(c);
  const provided = c.req.header(CSRF_HEADER) ?? formField;
  return expected !== undefined && provided !== undefined && sameSecret(provided, expected);
}
