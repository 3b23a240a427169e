import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { verifyAuditChain } from '../../cloud/audit/index.ts';
import { loadConfig } from '../../cloud/config/index.ts';
import { openDatabase } from '../../cloud/db/index.ts';
import { startServer } from '../../cloud/server.ts';
import { BoxPlayer } from './box-player.ts';
import { tempDir } from './fixtures.ts';
import { PaymentBox } from './services/payments/world.ts';
import { signed } from './wallet-client.ts';
import { BOX, seedWorld } from './wallet-world.ts';

const dir = tempDir();
const quiet = { info: () => undefined, error: () => undefined };
const test = suite('wallet payment end to end');
test.after(() => dir.remove());

test('a signed wallet resolves, opens a session, pays, relays the box\'s receipt and sees Finish on a real server and file', async () => {
  const path = join(dir.path, 'e2e.sqlite');
  const config = loadConfig({ env: { WAYGO_DB: path, WAYGO_PORT: '0', WAYGO_KEK: 'ef'.repeat(32) } });
  const server = await startServer({ config, logger: quiet });
  const seeding = openDatabase(path);
  const world = seedWorld(seeding, config.kek);
  seeding.close();
  try {
    const call = async (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${server.url}${route}`, signed(world.wallet, method, route, body, { headers }));
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    assert.is((await call('POST', '/v1/wallet/resolve', { boxId: BOX })).status, 200);
    const challenge = (await call('POST', '/v1/wallet/challenges', { boxId: BOX })).body.challenge as string;
    const hello = new BoxPlayer(world.keys[BOX]!, 5);
    const session = await call('POST', '/v1/wallet/sessions', { hello: hello.hello(challenge), challenge });
    assert.is(session.status, 201);
    assert.ok(hello.acceptAuth(session.body.auth as string), 'the box accepts the AUTH ticket');
    const box = new PaymentBox(world.keys[BOX]!, 5);
    const paid = await call('POST', '/v1/wallet/payments', { sessionId: session.body.sessionId, iv: box.iv(), sku: 'DRY-10' }, { 'idempotency-key': 'e2e-1' });
    assert.is(paid.status, 201);
    const payment = paid.body.payment as { id: string; state: string };
    assert.is(payment.state, 'accept');
    const fields = box.open(paid.body.telegram as string);
    assert.is(fields.walletId, world.walletId);
    assert.is(fields.amount, 100);
    const receipt = await call('POST', `/v1/wallet/payments/${payment.id}/receipt`, { receipt: box.receipt(fields.txnId as Uint8Array) });
    assert.is(receipt.status, 200);
    const polled = await call('GET', `/v1/wallet/payments/${payment.id}`);
    assert.is((polled.body.payment as { state: string }).state, 'finish');
  } finally {
    await server.close();
  }
  const check = openDatabase(path, { readonly: true });
  assert.ok(verifyAuditChain(check.db).ok);
  const counter = check.sqlite.prepare('select counter from boxes where id = ?').get(BOX) as { counter: number };
  assert.is(counter.counter, 6, 'the box counter recorded from the receipt');
  check.close();
});

test.run();
