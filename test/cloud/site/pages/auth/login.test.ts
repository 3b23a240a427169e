import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { accounts } from '../../../../../cloud/db/schema/index.ts';
import { createPlatformAdmin } from '../../../../../cloud/services/authority/index.ts';
import { LOGIN_ATTEMPTS, safeNext } from '../../../../../cloud/site/pages/auth/index.tsx';
import { cheapHash } from '../../../operator-fixtures.ts';
import { accessibilityProblems } from '../../a11y.ts';
import { okPage } from '../../page-checks.ts';
import { siteWorld } from '../../site-world.ts';

// Each sign-in costs an scrypt at OWASP cost, so this file makes as few as it can.
const world = siteWorld();
const email = 'site-admin@example.test';
const password = 'correct horse battery staple';

const login = suite('login');

login('the login page renders accessibly without a session', async () => {
  const html = await okPage(await world.get('/admin/login'));
  assert.match(html, 'autocomplete="current-password"');
});

login('signs in with the right password, sets an HttpOnly SameSite cookie and returns to next', async () => {
  await createPlatformAdmin(world.db, { email, password }, world.now());
  const res = await world.post('/admin/login', undefined, { email, password, next: '/admin/boxes' });
  assert.is(res.status, 303);
  assert.is(res.headers.get('location'), '/admin/boxes');
  const cookie = res.headers.get('set-cookie') ?? '';
  assert.match(cookie, /waygo_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict/);
  const session = cookie.split(';')[0]!;
  assert.is((await world.app.request('/admin', { headers: { cookie: session } })).status, 200);
});

login('refuses a wrong password with the same page as an unknown email', async () => {
  const wrong = await world.post('/admin/login', undefined, { email, password: 'wrong password here' });
  const unknown = await world.post('/admin/login', undefined, { email: 'nobody@example.test', password: 'wrong password here' });
  assert.is(wrong.status, 401);
  assert.is(unknown.status, 401);
  const [a, b] = [await wrong.text(), await unknown.text()];
  assert.match(a, 'The email or password is not correct');
  assert.is(a.replace('nobody@example.test', email), b.replace('nobody@example.test', email));
  assert.equal(accessibilityProblems(a), []);
});

login('logs out: the session ends and the cookie is cleared', async () => {
  const who = world.account({ permissions: [] });
  const res = await world.post('/admin/logout', who, {});
  assert.is(res.status, 303);
  assert.is(res.headers.get('location'), '/admin/login?out=1');
  assert.match(res.headers.get('set-cookie') ?? '', 'waygo_session=;');
  assert.is((await world.get('/admin', who)).status, 303);
});

login(`refuses more than ${LOGIN_ATTEMPTS.max} sign-ins a minute from one address with 429, before the password is checked`, async () => {
  const who = world.account({ permissions: [] });
  const row = world.db.select().from(accounts).where(eq(accounts.id, who.id)).get()!;
  // A cheap hash (N=2^10): the attempts the limit lets through cost next to nothing.
  world.db.update(accounts).set({ passwordHash: cheapHash(password) }).where(eq(accounts.id, who.id)).run();
  const attempt = (address: string, pw: string) => world.app.request('/admin/login', {
    method: 'POST', body: new URLSearchParams({ email: row.email, password: pw }), headers: { 'content-type': 'application/x-www-form-urlencoded' },
  }, { incoming: { socket: { remoteAddress: address } } });
  for (let i = 0; i < LOGIN_ATTEMPTS.max; i++) assert.is((await attempt('203.0.113.9', password)).status, 303, `attempt ${i + 1}`);
  const limited = await attempt('203.0.113.9', 'wrong password here');
  assert.is(limited.status, 429);
  const wait = Number(limited.headers.get('retry-after'));
  assert.ok(wait >= 1 && wait <= 60);
  const html = await limited.text();
  assert.match(html, `Wait ${wait} seconds`);
  assert.equal(accessibilityProblems(html), []);
  assert.is(world.db.select().from(accounts).where(eq(accounts.id, who.id)).get()!.failedLogins, 0, 'the refused attempt never reached the password check');
  assert.is((await attempt('203.0.113.10', password)).status, 303, 'another address has its own count');
  world.setNow(world.now() + LOGIN_ATTEMPTS.windowMs + 1);
  assert.is((await attempt('203.0.113.9', password)).status, 303);
});

login.after(() => world.cleanup());
login.run();

const next = suite('safeNext');

next('keeps a path inside the site and sends anything else to the dashboard', () => {
  assert.is(safeNext('/admin/boxes?status=active'), '/admin/boxes?status=active');
  assert.is(safeNext('/admin'), '/admin');
  for (const bad of ['//evil.example/admin', 'https://evil.example/admin', '/administrator', '/v1/operator', undefined, 5]) assert.is(safeNext(bad), '/admin');
});

next.run();
