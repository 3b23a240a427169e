import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Hono } from 'hono';
import { ApiError } from '../../../cloud/errors/api-error.ts';
import { errorHandler } from '../../../cloud/middleware/error-handler/index.ts';
import { jsonBody } from '../../../cloud/middleware/json-body/index.ts';
import { walletSignature, type NonceMode, type WalletEnv } from '../../../cloud/middleware/wallet-signature/index.ts';
import { createWalletApp } from '../../../cloud/services/wallet-apps/index.ts';
import { migratedDatabase, randomKek } from '../fixtures.ts';
import { signed, type WalletCredentials } from '../wallet-client.ts';

const NOW = 1_800_000_000_000;
const at = { timestamp: NOW / 1000 };
const quiet = { info: () => undefined, error: () => undefined };
const MODES: Record<string, NonceMode> = { '/v1/wallet/write': 'with-writes', '/v1/wallet/idle': 'with-writes', '/v1/wallet/fail': 'with-writes', '/v1/wallet/read': 'memory' };

function setup(nonceCacheSize = 10) {
  const database = migratedDatabase(':memory:');
  const kek = randomKek();
  const created = createWalletApp(database.db, 'Pay App', { kek, actor: 'operator:test' });
  const credentials: WalletCredentials = { keyId: created.id, signingKey: created.signingKey };
  const { db, sqlite } = database;
  sqlite.exec('create table notes (id integer primary key, note text not null)');
  let release: () => void = () => undefined;
  const app = new Hono<WalletEnv>();
  app.onError(errorHandler({ logger: quiet }));
  app.use('*', jsonBody(), walletSignature({ db, kek, now: () => NOW, nonceMode: (_m, path) => MODES[path] ?? 'before', nonceCacheSize }));
  app.post('/v1/wallet/write', (c) => {
    db.transaction((tx) => {
      c.get('nonce').record(tx);
      tx.run(`insert into notes (note) values ('written')`);
    });
    return c.json({ ok: true });
  });
  app.post('/v1/wallet/idle', async (c) => {
    await new Promise<void>((resolve) => (release = resolve));
    return c.json({ ok: true });
  });
  app.post('/v1/wallet/fail', (c) => db.transaction((tx) => {
    c.get('nonce').record(tx);
    tx.run(`insert into notes (note) values ('rolled back')`);
    throw new ApiError({ status: 409, type: 'invalid_request_error', code: 'conflict', message: 'no' });
  }));
  app.post('/v1/wallet/read', (c) => c.json({ ok: true }));
  const nonces = () => sqlite.prepare('select count(*) from wallet_request_nonces').pluck().get() as number;
  const notes = () => sqlite.prepare('select note from notes').pluck().all() as string[];
  return { app, database, credentials, nonces, notes, release: () => release() };
}

const send = (s: ReturnType<typeof setup>, path: string, nonce: string) => s.app.request(path, signed(s.credentials, 'POST', path, {}, { ...at, nonce }));
const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

const test = suite('walletSignature nonce modes');

test('with-writes: the nonce commits in the route\'s own transaction and a replay is refused without writing', async () => {
  const s = setup();
  assert.is((await send(s, '/v1/wallet/write', 'w'.repeat(20))).status, 200);
  assert.is(s.nonces(), 1);
  const replay = await send(s, '/v1/wallet/write', 'w'.repeat(20));
  assert.is(replay.status, 401);
  assert.is(await codeOf(replay), 'nonce_reused');
  assert.equal(s.notes(), ['written']);
  s.database.close();
});

test('with-writes: a route whose transaction rolled back still spends the nonce before it answers', async () => {
  const s = setup();
  assert.is((await send(s, '/v1/wallet/fail', 'f'.repeat(20))).status, 409);
  assert.equal(s.notes(), []);
  assert.is(s.nonces(), 1);
  assert.is(await codeOf(await send(s, '/v1/wallet/fail', 'f'.repeat(20))), 'nonce_reused');
  s.database.close();
});

test('with-writes: a replay racing the original while it is in flight is refused, and the nonce is recorded when it answers', async () => {
  const s = setup();
  const first = send(s, '/v1/wallet/idle', 'i'.repeat(20));
  await new Promise((resolve) => setTimeout(resolve, 10));
  const racing = await send(s, '/v1/wallet/idle', 'i'.repeat(20));
  assert.is(await codeOf(racing), 'nonce_reused');
  s.release();
  assert.is((await first).status, 200);
  assert.is(s.nonces(), 1);
  s.database.close();
});

test('memory: a read-only route writes no nonce row yet refuses the replay, also on a writing route', async () => {
  const s = setup();
  assert.is((await send(s, '/v1/wallet/read', 'r'.repeat(20))).status, 200);
  assert.is(s.nonces(), 0);
  assert.is(await codeOf(await send(s, '/v1/wallet/read', 'r'.repeat(20))), 'nonce_reused');
  assert.is(await codeOf(await send(s, '/v1/wallet/write', 'r'.repeat(20))), 'nonce_reused');
  assert.equal(s.notes(), []);
  s.database.close();
});

test('memory: a nonce recorded durably by a writing route is refused on a read-only one', async () => {
  const s = setup();
  assert.is((await send(s, '/v1/wallet/write', 'd'.repeat(20))).status, 200);
  assert.is(await codeOf(await send(s, '/v1/wallet/read', 'd'.repeat(20))), 'nonce_reused');
  s.database.close();
});

test('memory: past the cache\'s capacity read-only nonces are recorded durably, never forgotten', async () => {
  const s = setup(1);
  assert.is((await send(s, '/v1/wallet/read', 'a'.repeat(20))).status, 200);
  assert.is((await send(s, '/v1/wallet/read', 'b'.repeat(20))).status, 200);
  assert.is(s.nonces(), 1);
  assert.is(await codeOf(await send(s, '/v1/wallet/read', 'a'.repeat(20))), 'nonce_reused');
  assert.is(await codeOf(await send(s, '/v1/wallet/read', 'b'.repeat(20))), 'nonce_reused');
  s.database.close();
});

test.run();
