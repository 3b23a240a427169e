import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { PublicContext } from '../context.ts';
import { LOCALES } from '../i18n/index.ts';
import { visibleNav } from './nav.ts';
import { PageContext } from './page-context.ts';

export interface LayoutProps {
  title: string;
  ctx: PublicContext;
  /** The current path, to mark the open page in the nav (`aria-current`). */
  current?: string;
  children?: Child;
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', 'zh-TW': '繁體中文' };

function LanguageSwitch({ ctx }: { ctx: PublicContext }) {
  // Signed in, the choice is the account's setting (a POST); before sign-in it is a link that sets a cookie.
  if (ctx.principal) {
    return (
      <form method="post" action="/admin/language" class="lang">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <label for="lang-select">{ctx.t('app.language')}</label>
        <select id="lang-select" name="locale">
          {LOCALES.map((l) => <option value={l} selected={l === ctx.locale}>{LANGUAGE_NAMES[l]}</option>)}
        </select>
        <button type="submit">{ctx.t('common.save')}</button>
      </form>
    );
  }
  return (
    <nav class="lang" aria-label={ctx.t('app.language')}>
      {LOCALES.map((l) => (l === ctx.locale
        ? <span aria-current="true" lang={l}>{LANGUAGE_NAMES[l]}</span>
        : <a href={`?lang=${l}`} lang={l} hreflang={l}>{LANGUAGE_NAMES[l]}</a>))}
    </nav>
  );
}

function MainNav({ ctx, current }: { ctx: PublicContext; current: string | undefined }) {
  if (!ctx.principal) return null;
  return (
    <nav class="main-nav" aria-label={ctx.t('app.mainNav')}>
      {visibleNav(ctx.principal.permissions).map((group) => (
        <div class="nav-group">
          <h2>{ctx.t(group.label)}</h2>
          <ul>
            {group.links.map((link) => (
              <li><a href={link.href} aria-current={link.href === current ? 'page' : undefined}>{ctx.t(link.label)}</a></li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

export function Layout({ title, ctx, current, children }: LayoutProps) {
  const t = ctx.t;
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={ctx.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · ${t('app.name')}`}</title>
          <link rel="stylesheet" href="/admin/static/site.css" />
        </head>
        <body>
          <a class="skip" href="#main">{t('app.skip')}</a>
          <header class="top">
            <a class="brand" href="/admin">{t('app.name')}</a>
            <LanguageSwitch ctx={ctx} />
            {ctx.principal && ctx.accountName ? <span class="who">{t('app.signedInAs', { name: ctx.accountName })}</span> : null}
            {ctx.principal ? <a href="/admin/password">{t('password.title')}</a> : null}
            {ctx.principal
              ? (
                <form method="post" action="/admin/logout" class="logout">
                  <input type="hidden" name="_csrf" value={ctx.csrf} />
                  <button type="submit">{t('app.logout')}</button>
                </form>
              )
              : null}
          </header>
          <div class="frame">
            <MainNav ctx={ctx} current={current} />
            <main id="main" tabindex={-1}>
              <h1>{title}</h1>
              <PageContext.Provider value={ctx}>{children}</PageContext.Provider>
            </main>
          </div>
        </body>
      </html>
    </>
  );
}
