import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { auditLog } from '../../../cloud/db/schema/index.ts';
import { siteRoutes } from '../../../cloud/site/index.ts';
import { randomKek } from '../fixtures.ts';
import { accessibilityProblems } from './a11y.ts';
import { okPage } from './page-checks.ts';
import { siteWorld } from './site-world.ts';

const world = siteWorld();
const admin = world.account({});
const viewer = world.account({ permissions: ['boxes.view'] });

const gate = suite('sitePage');

gate('sends a visitor without a session to the login page and back', async () => {
  const res = await world.get('/admin/boxes?status=active');
  assert.is(res.status, 303);
  assert.is(res.headers.get('location'), '/admin/login?next=%2Fadmin%2Fboxes%3Fstatus%3Dactive');
});

gate('answers a page the role does not allow with an accessible 403 page naming the permission', async () => {
  const res = await world.get('/admin/accounts', viewer);
  assert.is(res.status, 403);
  const html = await res.text();
  assert.match(html, 'Manage accounts');
  assert.equal(accessibilityProblems(html), []);
});

gate('shows another tenant\'s or a missing row as a 404 page without a stack trace', async () => {
  const res = await world.get('/admin/boxes/ffffffffffffffff', admin);
  assert.is(res.status, 404);
  const html = await res.text();
  assert.match(html, 'Not found');
  assert.not.match(html, ' at ');
});

gate('answers an unknown site path with the site\'s 404 page', async () => {
  const res = await world.get('/admin/no-such-page', admin);
  assert.is(res.status, 404);
  assert.match(await res.text(), '<html lang="en">');
});

gate('redirects a path typed with a trailing slash to the page', async () => {
  const res = await world.get('/admin/', admin);
  assert.is(res.status, 301);
  assert.match(res.headers.get('location') ?? '', /\/admin$/);
});

gate.run();

const csrf = suite('siteSession');

csrf('refuses a form posted without the session\'s CSRF token and changes nothing', async () => {
  const before = world.db.select().from(auditLog).all().length;
  const res = await world.post('/admin/departments', admin, { name: 'Sneaky' }, { csrf: false });
  assert.is(res.status, 403);
  assert.match(await res.text(), 'The form expired');
  assert.is(world.db.select().from(auditLog).all().length, before);
});

csrf('every form the site accepts is refused without the CSRF token', async () => {
  const site = siteRoutes({ db: world.db, kek: randomKek(), now: world.now });
  const posts = [...new Set(site.routes.filter((r) => r.method === 'POST').map((r) => r.path.replace(/:\w+/g, 'x')))];
  assert.ok(posts.length >= 15);
  for (const path of posts) {
    const res = await world.post(path, admin, { name: 'x' }, { csrf: false });
    assert.is(res.status, 403, path);
  }
});

csrf('refuses a form with another session\'s token', async () => {
  const res = await world.post('/admin/departments', { ...admin, csrf: viewer.csrf }, { name: 'Sneaky' });
  assert.is(res.status, 403);
});

csrf('refuses a form posted from another web site even with a valid token', async () => {
  const res = await world.app.request('/admin/departments', {
    method: 'POST', body: new URLSearchParams({ name: 'x', _csrf: admin.csrf }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: admin.cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
  });
  assert.is(res.status, 403);
});

csrf('pages forbid scripts, framing and foreign form targets', async () => {
  const res = await world.get('/admin/login');
  const policy = res.headers.get('content-security-policy') ?? '';
  for (const rule of ["script-src 'none'", "frame-ancestors 'none'", "form-action 'self'"]) assert.match(policy, rule);
  assert.is(res.headers.get('x-frame-options'), 'SAMEORIGIN');
  assert.is(res.headers.get('referrer-policy'), 'same-origin');
});

csrf('serves the stylesheet without a session', async () => {
  const res = await world.get('/admin/static/site.css');
  assert.is(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', 'text/css');
  assert.match(await res.text(), ':focus-visible');
});

csrf.run();

const language = suite('language');

language('picks Chinese from Accept-Language before sign-in and from ?lang= over it', async () => {
  await okPage(await world.get('/admin/login', undefined, { 'accept-language': 'zh-TW,zh;q=0.9' }), 'zh-TW');
  const res = await world.get('/admin/login?lang=en', undefined, { 'accept-language': 'zh-TW' });
  await okPage(res, 'en');
  assert.match(res.headers.get('set-cookie') ?? '', 'waygo_lang=en');
});

language('switching language signed in saves it on the account', async () => {
  const who = world.account({ permissions: ['boxes.view'] });
  const res = await world.post('/admin/language', who, { locale: 'zh-TW' });
  assert.is(res.status, 303);
  await okPage(await world.get('/admin', who), 'zh-TW');
});

language.after(() => world.cleanup());
language.run();
