import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Hono } from 'hono';
import { errorHandler } from '../../../../cloud/middleware/error-handler/index.ts';
import { checkCsrf, operatorAuth, requirePermission, sessionCookie } from '../../../../cloud/middleware/operator-auth/index.ts';
import type { AppEnv } from '../../../../cloud/types.ts';
import { MERCHANT_A, operatorWorld, type FixtureAccount } from '../../operator-fixtures.ts';

const world = await operatorWorld();
const viewer = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view'] });
const quiet = { info: () => undefined, error: () => undefined };

const app = new Hono<AppEnv>();
app.onError(errorHandler({ logger: quiet }));
app.use('*', operatorAuth({ db: world.db, now: world.clock.now }));
app.get('/boxes', requirePermission('boxes.view'), (c) => c.json({ who: c.var.operator.accountId, via: c.var.operator.via }));
app.post('/boxes', requirePermission('boxes.view'), (c) => c.json({ ok: true }));
app.post('/refunds', requirePermission('payments.refund'), (c) => c.json({ ok: true }));

async function call(method: string, path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { method, headers });
  const body = (await res.json()) as { error?: { code: string }; who?: string; via?: string };
  return { status: res.status, code: body.error?.code, body };
}
const key = (a: FixtureAccount) => ({ authorization: `Bearer ${a.apiKey}` });

const auth = suite('operatorAuth');

auth('without credentials, or with a malformed or unknown key or session, answers 401 authentication_required', async () => {
  const cases: Record<string, string>[] = [{}, { authorization: 'Bearer nope' }, { authorization: 'Basic abc' }, { cookie: 'waygo_session=nope' }, { authorization: `Bearer ${viewer.apiKey}x` }];
  for (const headers of cases) {
    assert.equal(await call('GET', '/boxes', headers).then((r) => [r.status, r.code]), [401, 'authentication_required'], JSON.stringify(headers));
  }
});

auth('an API key or a session cookie sets the operator, and says which', async () => {
  assert.equal((await call('GET', '/boxes', key(viewer))).body, { who: viewer.id, via: 'api_key' });
  assert.equal((await call('GET', '/boxes', { cookie: viewer.cookie })).body, { who: viewer.id, via: 'session' });
});

auth('a wrong bearer key is not rescued by a valid session cookie', async () => {
  assert.is((await call('GET', '/boxes', { authorization: 'Bearer wgk_000000000000_x', cookie: viewer.cookie })).status, 401);
});

auth('a cookie session\'s write needs the session\'s CSRF token; an API key\'s write does not', async () => {
  assert.equal(await call('POST', '/boxes', { cookie: viewer.cookie }).then((r) => [r.status, r.code]), [403, 'csrf_failed']);
  assert.equal(await call('POST', '/boxes', { cookie: viewer.cookie, 'x-csrf-token': 'forged' }).then((r) => [r.status, r.code]), [403, 'csrf_failed']);
  const other = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view'] });
  assert.equal(await call('POST', '/boxes', { cookie: viewer.cookie, 'x-csrf-token': other.csrf }).then((r) => [r.status, r.code]), [403, 'csrf_failed']);
  assert.is((await call('POST', '/boxes', { cookie: viewer.cookie, 'x-csrf-token': viewer.csrf })).status, 200);
  assert.is((await call('POST', '/boxes', key(viewer))).status, 200);
});

auth.run();

const permission = suite('requirePermission');

permission('answers 403 permission_denied when the role lacks the permission, after authentication', async () => {
  assert.equal(await call('POST', '/refunds', key(viewer)).then((r) => [r.status, r.code]), [403, 'permission_denied']);
  assert.equal(await call('POST', '/refunds', {}).then((r) => [r.status, r.code]), [401, 'authentication_required']);
});

permission.run();

const csrf = suite('checkCsrf');

csrf('accepts the session\'s token from the X-CSRF-Token header or from the form field the caller read', async () => {
  const probe = new Hono<AppEnv>().all('/', (c) => c.json({ header: checkCsrf(c, viewer.sessionPrincipal), form: checkCsrf(c, viewer.sessionPrincipal, viewer.csrf), key: checkCsrf(c, viewer.principal) }));
  const post = await probe.request('/', { method: 'POST', headers: { cookie: viewer.cookie } });
  assert.equal(await post.json(), { header: false, form: true, key: true });
  const get = await probe.request('/', { headers: { cookie: viewer.cookie } });
  assert.equal(await get.json(), { header: true, form: true, key: true });
});

csrf.run();

const cookie = suite('sessionCookie');

cookie('is HttpOnly, SameSite=Strict, Path=/, and Secure exactly when the request came over TLS', async () => {
  const probe = new Hono().get('/', (c) => {
    sessionCookie(c, 'token');
    return c.body(null, 204);
  });
  const plain = (await probe.request('http://cloud.test/')).headers.get('set-cookie')!;
  const tls = (await probe.request('https://cloud.test/')).headers.get('set-cookie')!;
  const proxied = (await probe.request('http://cloud.test/', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('set-cookie')!;
  for (const c of [plain, tls, proxied]) {
    assert.match(c, /^waygo_session=token;/);
    for (const attribute of ['HttpOnly', 'SameSite=Strict', 'Path=/']) assert.ok(c.split('; ').includes(attribute), `${c} lacks ${attribute}`);
  }
  assert.not.ok(plain.includes('Secure'));
  assert.ok(tls.split('; ').includes('Secure') && proxied.split('; ').includes('Secure'));
});

cookie.after(() => world.cleanup());
cookie.run();
