import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { loadConfig } from '../../../../cloud/config/index.ts';
import { openDatabase } from '../../../../cloud/db/index.ts';
import { startServer } from '../../../../cloud/server.ts';
import { verifyAuditChain } from '../../../../cloud/audit/index.ts';
import { BoxPlayer } from '../../box-player.ts';
import { tempDir } from '../../fixtures.ts';
import { signed } from '../../wallet-client.ts';
import { BOX, seedWorld } from '../../wallet-world.ts';

const dir = tempDir();
const quiet = { info: () => undefined, error: () => undefined };
const test = suite('wallet API over HTTP');
test.after(() => dir.remove());

test('a signed wallet resolves a box and opens a session the box accepts, on a real port and database file', async () => {
  const path = join(dir.path, 'flow.sqlite');
  const config = loadConfig({ env: { WAYGO_DB: path, WAYGO_PORT: '0', WAYGO_KEK: 'cd'.repeat(32) } });
  const server = await startServer({ config, logger: quiet });
  const seeding = openDatabase(path);
  const world = seedWorld(seeding, config.kek);
  seeding.close();
  try {
    const call = (route: string, body: unknown) => fetch(`${server.url}${route}`, signed(world.wallet, 'POST', route, body));
    const resolved = await call('/v1/wallet/resolve', { boxId: BOX });
    assert.is(resolved.status, 200);
    assert.is(((await resolved.json()) as { box: { id: string } }).box.id, BOX);
    const issued = (await (await call('/v1/wallet/challenges', { boxId: BOX })).json()) as { challenge: string };
    const box = new BoxPlayer(world.keys[BOX]!, 3);
    const session = await call('/v1/wallet/sessions', { hello: box.hello(issued.challenge), challenge: issued.challenge });
    assert.is(session.status, 201);
    const auth = ((await session.json()) as { auth: string }).auth;
    assert.equal(box.acceptAuth(auth), { walletId: world.walletId, rights: 1, validSeconds: 120 });
    const replay = await fetch(`${server.url}/v1/wallet/resolve`, { ...signed(world.wallet, 'POST', '/v1/wallet/resolve', { boxId: BOX }, { nonce: 'r'.repeat(24) }) });
    assert.is(replay.status, 200);
    const again = await fetch(`${server.url}/v1/wallet/resolve`, { ...signed(world.wallet, 'POST', '/v1/wallet/resolve', { boxId: BOX }, { nonce: 'r'.repeat(24) }) });
    assert.is(again.status, 401);
  } finally {
    await server.close();
  }
  const check = openDatabase(path, { readonly: true });
  assert.ok(verifyAuditChain(check.db).ok);
  check.close();
});

test.run();
