import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { CloudError } from '../../../errors/cloud-error.ts';
import { clearSessionCookie, clientAddress, sessionCookie, sessionToken, slidingWindowLimiter } from '../../../middleware/operator-auth/index.ts';
import { login, logout, updateAccount } from '../../../services/authority/index.ts';
import { publicPage, sitePage, type SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { isLocale, translator } from '../../i18n/index.ts';
import { LANG_COOKIE } from '../../session.ts';
import { loginView } from './login-view.tsx';
import { passwordPages } from './password.tsx';

/** Only a path inside the site: anything else could send a freshly signed-in operator to another web site. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/admin(\/|\?|$)/.test(next) && !next.startsWith('//') ? next : '/admin';
}

/** Sign-in attempts one client address may make per window, on top of the per-account lockout. */
export const LOGIN_ATTEMPTS = { max: 10, windowMs: 60_000 };

const formText = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? form[name] : '');

export function authPages(deps: SiteDeps): Hono<SiteEnv> {
  const { db, now } = deps;
  const app = new Hono<SiteEnv>();
  const limiter = slidingWindowLimiter({ ...LOGIN_ATTEMPTS, now });

  app.get('/login', publicPage((c, ctx) => {
    if (ctx.principal) return c.redirect(safeNext(c.req.query('next')), 303);
    const notice = c.req.query('out') === '1' ? ctx.t('login.loggedOut') : undefined;
    return loginView({ ctx, next: safeNext(c.req.query('next')), ...(notice ? { notice } : {}) });
  }));

  app.post('/login', publicPage(async (c, ctx) => {
    const form = await c.req.parseBody();
    const email = formText(form, 'email');
    const next = safeNext(form['next']);
    const wait = limiter.hit(clientAddress(c));
    if (wait > 0) {
      c.status(429);
      c.header('Retry-After', String(wait));
      return loginView({ ctx, next, email, error: ctx.t('login.rateLimited', { seconds: wait }) });
    }
    try {
      const session = await login(db, { email, password: formText(form, 'password') }, now());
      sessionCookie(c, session.token);
      return c.redirect(next, 303);
    } catch (err) {
      if (!(err instanceof CloudError)) throw err;
      c.status(401);
      return loginView({ ctx, next, email, error: ctx.t('login.failed') });
    }
  }));

  app.post('/logout', sitePage(null, (c) => {
    const token = sessionToken(c);
    if (token) logout(db, token, now());
    clearSessionCookie(c);
    return c.redirect('/admin/login?out=1', 303);
  }));

  // The account's own setting is what picks the language once signed in, so the switch changes it.
  app.post('/language', sitePage(null, async (c, ctx) => {
    const form = await c.req.parseBody();
    const locale = form['locale'];
    if (!isLocale(locale)) throw new CloudError('locale_invalid', translator(ctx.locale)('error.invalid'));
    await updateAccount(db, ctx.principal, ctx.principal.accountId, { locale }, now());
    setCookie(c, LANG_COOKIE, locale, { sameSite: 'Lax', path: '/admin', maxAge: 365 * 86400 });
    return c.redirect(safeReferer(c), 303);
  }));

  app.route('/', passwordPages(deps));
  return app;
}

function safeReferer(c: Context): string {
  const referer = c.req.header('referer');
  if (!referer) return '/admin';
  try {
    const url = new URL(referer);
    return url.host === new URL(c.req.url).host ? safeNext(url.pathname + url.search) : '/admin';
  } catch {
    return '/admin';
  }
}
