// Checks every site page gets: the login gate, the permission gate, and a 200 page that passes the
// accessibility check in both locales.
import * as assert from 'uvu/assert';
import { PERMISSIONS, type Permission } from '../../../cloud/services/authority/index.ts';
import { accessibilityProblems } from './a11y.ts';
import type { SiteAccount, SiteWorld } from './site-world.ts';

/** Asserts a 200 HTML page in `lang` with no accessibility problem, and returns its HTML. */
export async function okPage(res: Response, lang: 'en' | 'zh-TW' = 'en'): Promise<string> {
  const html = await res.text();
  assert.is(res.status, 200, html.slice(0, 400));
  assert.match(res.headers.get('content-type') ?? '', 'text/html');
  assert.match(html, `<html lang="${lang}">`);
  assert.equal(accessibilityProblems(html), []);
  return html;
}

/** Without a session the page sends the browser to log in and come back; without `permission` it is a 403 page. */
export async function assertGated(world: SiteWorld, path: string, permission: Permission | null): Promise<void> {
  const anonymous = await world.get(path);
  assert.is(anonymous.status, 303);
  assert.is(anonymous.headers.get('location'), `/admin/login?next=${encodeURIComponent(path)}`);
  if (permission === null) return;
  const lacking = world.account({ permissions: PERMISSIONS.filter((p) => p !== permission) });
  const refused = await world.get(path, lacking);
  assert.is(refused.status, 403);
  assert.equal(accessibilityProblems(await refused.text()), []);
}

/** The page in English and in Chinese (the account's setting decides), both accessible; returns the zh-TW HTML. */
export async function assertBothLocales(world: SiteWorld, path: string, en: SiteAccount, zh: SiteAccount): Promise<string> {
  await okPage(await world.get(path, en), 'en');
  return okPage(await world.get(path, zh), 'zh-TW');
}
