import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { accounts } from '../../../../../cloud/db/schema/index.ts';
import { LOGIN_ATTEMPTS_PER_MINUTE } from '../../../../../cloud/routes/operator/auth/index.ts';

import { MERCHANT_A, cheapHash, operatorWorld } from '../../../operator-fixtures.ts';

const PASSWORD = 'a cheap test passphrase';
const world = await operatorWorld();
const acct = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view'] });
world.db.update(accounts).set({ passwordHash: cheapHash(PASSWORD) }).where(eq(accounts.id, acct.id)).run();

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  world.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const test = suite('POST /v1/operator/auth/login');

test('sets the session cookie and answers the CSRF token and the operator; the cookie then authenticates', async () => {
  const res = await post('/v1/operator/auth/login', { email: acct.email, password: PASSWORD }, { 'x-forwarded-proto': 'https' });
  assert.is(res.status, 200);
  const cookie = res.headers.get('set-cookie')!;
  assert.match(cookie, /^waygo_session=[A-Za-z0-9_-]{43};/);
  assert.ok(['HttpOnly', 'SameSite=Strict', 'Secure', 'Path=/'].every((a) => cookie.split('; ').includes(a)));
  const body = (await res.json()) as { csrfToken: string; operator: { accountId: string; permissions: string[] } };
  assert.equal(body.operator.permissions, ['boxes.view']);
  const me = await world.app.request('/v1/operator/auth/me', { headers: { cookie: cookie.split(';')[0]! } });
  assert.equal(((await me.json()) as { csrfToken: string }).csrfToken, body.csrfToken);
});

test('an unknown email and a wrong password answer the same 401 invalid_credentials body', async () => {
  const unknown = await post('/v1/operator/auth/login', { email: 'nobody@example.test', password: PASSWORD });
  const wrong = await post('/v1/operator/auth/login', { email: acct.email, password: 'wrong password' });
  assert.is(unknown.status, 401);
  assert.is(wrong.status, 401);
  assert.equal(await unknown.json(), await wrong.json());
  assert.is(unknown.headers.get('set-cookie'), null);
});

test(`more than ${LOGIN_ATTEMPTS_PER_MINUTE} attempts a minute from one address answer 429 rate_limited with Retry-After, then recover`, async () => {
  // The account's hash is cheap (N=2^10), so the attempts the limit lets through cost next to nothing.
  const from = (address: string, password: string, headers: Record<string, string> = {}) => world.app.request('/v1/operator/auth/login', {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email: acct.email, password }),
  }, { incoming: { socket: { remoteAddress: address } } });
  for (let i = 0; i < LOGIN_ATTEMPTS_PER_MINUTE; i++) assert.is((await from('192.0.2.1', PASSWORD)).status, 200, `attempt ${i + 1}`);
  const limited = await from('192.0.2.1', 'wrong password');
  assert.is(limited.status, 429);
  assert.is(((await limited.json()) as { error: { code: string } }).error.code, 'rate_limited');
  const wait = Number(limited.headers.get('retry-after'));
  assert.ok(wait >= 1 && wait <= 60);
  const failures = () => world.db.select({ n: accounts.failedLogins }).from(accounts).where(eq(accounts.id, acct.id)).get()!.n;
  assert.is(failures(), 0, 'the refused attempt never reached the password check');
  assert.is((await from('192.0.2.1', PASSWORD, { 'x-forwarded-for': '198.51.100.7' })).status, 429, 'X-Forwarded-For is not trusted');
  assert.is((await from('192.0.2.2', PASSWORD)).status, 200, 'another address has its own count');
  world.clock.advance(60_001);
  assert.is((await from('192.0.2.1', PASSWORD)).status, 200);
});

test.run();

const logout = suite('POST /v1/operator/auth/logout');

logout('needs the CSRF token, then ends the session and clears the cookie', async () => {
  const session = world.account({ merchantId: MERCHANT_A, permissions: [] });
  assert.is((await world.request(session, 'POST', '/v1/operator/auth/logout', { via: 'cookie-no-csrf' })).status, 403);
  const res = await world.request(session, 'POST', '/v1/operator/auth/logout', { via: 'cookie' });
  assert.is(res.status, 204);
  assert.match(res.headers.get('set-cookie')!, /^waygo_session=;.*Max-Age=0/);
  assert.is((await world.request(session, 'GET', '/v1/operator/auth/me', { via: 'cookie' })).status, 401);
  assert.is((await world.request(session, 'GET', '/v1/operator/auth/me')).status, 200);
});

logout.run();

const password = suite('POST /v1/operator/auth/password');

password('changes the caller\'s own password only against the current one; the session making the change stays, the others end', async () => {
  const own = world.account({ merchantId: MERCHANT_A, permissions: [] });
  world.db.update(accounts).set({ passwordHash: cheapHash(PASSWORD) }).where(eq(accounts.id, own.id)).run();
  const other = await post('/v1/operator/auth/login', { email: own.email, password: PASSWORD });
  const otherCookie = other.headers.get('set-cookie')!.split(';')[0]!;
  const wrong = await world.request(own, 'POST', '/v1/operator/auth/password', { via: 'cookie', body: { currentPassword: 'not it', newPassword: 'a brand new passphrase' } });
  assert.is(wrong.status, 401);
  const res = await world.request(own, 'POST', '/v1/operator/auth/password', { via: 'cookie', body: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' } });
  assert.is(res.status, 204);
  assert.is((await world.request(own, 'GET', '/v1/operator/auth/me', { via: 'cookie' })).status, 200);
  assert.is((await world.app.request('/v1/operator/auth/me', { headers: { cookie: otherCookie } })).status, 401);
});

password.after(() => world.cleanup());
password.run();
