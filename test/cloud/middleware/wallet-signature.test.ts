import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Hono } from 'hono';
import { errorHandler } from '../../../cloud/middleware/error-handler/index.ts';
import { jsonBody } from '../../../cloud/middleware/json-body/index.ts';
import { walletSignature, type WalletEnv } from '../../../cloud/middleware/wallet-signature/index.ts';
import { createWalletApp, disableWalletApp } from '../../../cloud/services/wallet-apps/index.ts';
import { migratedDatabase, randomKek } from '../fixtures.ts';
import { signed, type WalletCredentials } from '../wallet-client.ts';

const NOW = 1_800_000_000_000;
const quiet = { info: () => undefined, error: () => undefined };

function setup() {
  const database = migratedDatabase(':memory:');
  const kek = randomKek();
  let clock = NOW;
  const created = createWalletApp(database.db, 'Pay App', { kek, actor: 'operator:test' });
  const credentials: WalletCredentials = { keyId: created.id, signingKey: created.signingKey };
  const app = new Hono<WalletEnv>();
  app.onError(errorHandler({ logger: quiet }));
  app.use('*', jsonBody(), walletSignature({ db: database.db, kek, now: () => clock }));
  app.post('/v1/wallet/echo', (c) => c.json({ wallet: c.get('wallet'), body: c.get('body') }));
  app.get('/v1/wallet/echo', (c) => c.json({ wallet: c.get('wallet') }));
  return { app, database, credentials, created, setClock: (ms: number) => (clock = ms) };
}

const at = { timestamp: NOW / 1000 };
const errorOf = async (res: Response) => ((await res.json()) as { error: { type: string; code: string; param: string | null } }).error;

const test = suite('walletSignature');

test('lets a correctly signed request through and names the wallet app', async () => {
  const { app, database, credentials, created } = setup();
  const res = await app.request('/v1/wallet/echo', signed(credentials, 'POST', '/v1/wallet/echo', { a: 1 }, at));
  assert.is(res.status, 200);
  assert.equal(await res.json(), { wallet: { id: created.id, walletId: created.walletId }, body: { a: 1 } });
  const get = await app.request('/v1/wallet/echo?x=1', signed(credentials, 'GET', '/v1/wallet/echo?x=1', undefined, at));
  assert.is(get.status, 200);
  database.close();
});

test('refuses a replayed nonce with 401 nonce_reused', async () => {
  const { app, database, credentials } = setup();
  const init = signed(credentials, 'POST', '/v1/wallet/echo', { a: 1 }, { ...at, nonce: 'n'.repeat(20) });
  assert.is((await app.request('/v1/wallet/echo', init)).status, 200);
  const again = await app.request('/v1/wallet/echo', init);
  assert.is(again.status, 401);
  assert.equal(await errorOf(again), { type: 'authentication_error', code: 'nonce_reused', message: 'this nonce was already used; sign every request with a fresh one', param: 'waygo-nonce' } as never);
  database.close();
});

test('refuses a timestamp more than 300 seconds away, either way, and accepts one at the edge', async () => {
  const { app, database, credentials } = setup();
  for (const skew of [-301, 301]) {
    const res = await app.request('/v1/wallet/echo', signed(credentials, 'POST', '/v1/wallet/echo', {}, { timestamp: NOW / 1000 + skew }));
    assert.is(res.status, 401);
    assert.is((await errorOf(res)).code, 'timestamp_out_of_window');
  }
  const edge = await app.request('/v1/wallet/echo', signed(credentials, 'POST', '/v1/wallet/echo', {}, { timestamp: NOW / 1000 - 300 }));
  assert.is(edge.status, 200);
  database.close();
});

test('refuses a body that is not the one signed, and a signature made for another path or method', async () => {
  const { app, database, credentials } = setup();
  const tampered = await app.request('/v1/wallet/echo', signed(credentials, 'POST', '/v1/wallet/echo', { amount: 1 }, { ...at, sendBody: '{"amount":1000}' }));
  assert.is(tampered.status, 401);
  assert.is((await errorOf(tampered)).code, 'digest_mismatch');
  const otherPath = await app.request('/v1/wallet/echo', signed(credentials, 'POST', '/v1/wallet/other', {}, at));
  assert.is((await errorOf(otherPath)).code, 'signature_invalid');
  const otherMethod = await app.request('/v1/wallet/echo', { ...signed(credentials, 'PUT', '/v1/wallet/echo', {}, at), method: 'POST' });
  assert.is((await errorOf(otherMethod)).code, 'signature_invalid');
  database.close();
});

test('refuses a signature made with another key', async () => {
  const { app, database, credentials } = setup();
  const forged = { ...credentials, signingKey: Buffer.alloc(32, 7).toString('base64url') };
  const res = await app.request('/v1/wallet/echo', signed(forged, 'POST', '/v1/wallet/echo', {}, at));
  assert.is(res.status, 401);
  assert.is((await errorOf(res)).code, 'signature_invalid');
  database.close();
});

test('refuses an unknown key id and a disabled app alike', async () => {
  const { app, database, credentials } = setup();
  const unknown = await app.request('/v1/wallet/echo', signed({ ...credentials, keyId: 'wa_nobody' }, 'POST', '/v1/wallet/echo', {}, at));
  assert.is((await errorOf(unknown)).code, 'key_invalid');
  disableWalletApp(database.db, credentials.keyId, { actor: 'operator:test' });
  const disabled = await app.request('/v1/wallet/echo', signed(credentials, 'POST', '/v1/wallet/echo', {}, at));
  assert.is(disabled.status, 401);
  assert.is((await errorOf(disabled)).code, 'key_invalid');
  database.close();
});

test('refuses a request without the signing headers or with malformed ones', async () => {
  const { app, database, credentials } = setup();
  const bare = await app.request('/v1/wallet/echo', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
  assert.is(bare.status, 401);
  assert.is((await errorOf(bare)).code, 'signature_missing');
  const shortNonce = await app.request('/v1/wallet/echo', signed(credentials, 'POST', '/v1/wallet/echo', {}, { ...at, nonce: 'abc' }));
  assert.is((await errorOf(shortNonce)).code, 'nonce_invalid');
  const badTime = await app.request('/v1/wallet/echo', signed(credentials, 'POST', '/v1/wallet/echo', {}, { ...at, headers: { 'waygo-timestamp': 'soon' } }));
  assert.is((await errorOf(badTime)).code, 'timestamp_invalid');
  database.close();
});

test('forgets a nonce once its timestamp has left the window', async () => {
  const { app, database, credentials, setClock } = setup();
  const nonce = 'm'.repeat(20);
  assert.is((await app.request('/v1/wallet/echo', signed(credentials, 'POST', '/v1/wallet/echo', {}, { ...at, nonce }))).status, 200);
  setClock(NOW + 301_000);
  const later = await app.request('/v1/wallet/echo', signed(credentials, 'POST', '/v1/wallet/echo', {}, { timestamp: NOW / 1000 + 301, nonce: 'k'.repeat(20) }));
  assert.is(later.status, 200);
  const count = database.sqlite.prepare('select count(*) from wallet_request_nonces').pluck().get();
  assert.is(count, 1);
  database.close();
});

test.run();
