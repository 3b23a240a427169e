import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { boxSessions, boxes } from '../../../../cloud/db/schema/index.ts';
import { RIGHT } from '../../../../shared/protocol/constants.ts';
import { BoxPlayer } from '../../box-player.ts';
import { signed, type WalletCredentials } from '../../wallet-client.ts';
import { BOX, OTHER_BOX, errorOf, walletWorld } from '../../wallet-world.ts';

type App = ReturnType<typeof walletWorld>['app'];

async function challenge(app: App, wallet: WalletCredentials, boxId: string): Promise<{ challenge: string; helloRequest: string }> {
  const res = await app.request('/v1/wallet/challenges', signed(wallet, 'POST', '/v1/wallet/challenges', { boxId }));
  assert.is(res.status, 201);
  return (await res.json()) as { challenge: string; helloRequest: string };
}

const openSession = (app: App, wallet: WalletCredentials, body: unknown) =>
  app.request('/v1/wallet/sessions', signed(wallet, 'POST', '/v1/wallet/sessions', body));

const test = suite('sessionRoutes');

test('issues an AUTH ticket the box accepts for this connection, naming the wallet app and PAY', async () => {
  const { app, wallet, walletId, keys, database } = walletWorld();
  const box = new BoxPlayer(keys[BOX]!, 7);
  const issued = await challenge(app, wallet, BOX);
  assert.is(issued.helloRequest, `0101${issued.challenge}`);
  const res = await openSession(app, wallet, { hello: box.hello(issued.challenge), challenge: issued.challenge });
  assert.is(res.status, 201);
  const body = (await res.json()) as { auth: string; sessionId: string; walletId: number };
  assert.equal(box.acceptAuth(body.auth), { walletId, rights: RIGHT.PAY, validSeconds: 120 });
  assert.not.ok(new BoxPlayer(keys[BOX]!).acceptAuth(body.auth), 'another connection (other boxNonce) refuses the ticket');
  const row = database.db.select().from(boxSessions).where(eq(boxSessions.id, body.sessionId)).get()!;
  assert.is(row.counter, 7);
  database.close();
});

test('accepts the HELLO in base64 too', async () => {
  const { app, wallet, keys, database } = walletWorld();
  const box = new BoxPlayer(keys[BOX]!);
  const issued = await challenge(app, wallet, BOX);
  const hello = Buffer.from(box.hello(issued.challenge), 'hex').toString('base64');
  assert.is((await openSession(app, wallet, { hello, challenge: issued.challenge })).status, 201);
  database.close();
});

test('uses a challenge once, even when the proof failed', async () => {
  const { app, wallet, keys, database } = walletWorld();
  const issued = await challenge(app, wallet, BOX);
  const impostor = new BoxPlayer({ ...keys[BOX]!, macKey: new Uint8Array(32).fill(1) });
  const forged = await openSession(app, wallet, { hello: impostor.hello(issued.challenge), challenge: issued.challenge });
  assert.is(forged.status, 422);
  assert.is((await errorOf(forged)).code, 'hello_proof_invalid');
  const retry = await openSession(app, wallet, { hello: new BoxPlayer(keys[BOX]!).hello(issued.challenge), challenge: issued.challenge });
  assert.is(retry.status, 400);
  assert.is((await errorOf(retry)).code, 'challenge_invalid');
  database.close();
});

test('refuses a challenge issued for another box and an unknown one', async () => {
  const { app, wallet, keys, database } = walletWorld();
  const issued = await challenge(app, wallet, OTHER_BOX);
  const res = await openSession(app, wallet, { hello: new BoxPlayer(keys[BOX]!).hello(issued.challenge), challenge: issued.challenge });
  assert.is((await errorOf(res)).code, 'challenge_invalid');
  const unknown = 'ab'.repeat(16);
  const res2 = await openSession(app, wallet, { hello: new BoxPlayer(keys[BOX]!).hello(unknown), challenge: unknown });
  assert.is((await errorOf(res2)).code, 'challenge_invalid');
  database.close();
});

test('refuses a box reported lost with 403 box_blocked', async () => {
  const { app, wallet, keys, database } = walletWorld();
  database.db.update(boxes).set({ status: 'lost' }).where(eq(boxes.id, BOX)).run();
  const issued = await challenge(app, wallet, BOX);
  const res = await openSession(app, wallet, { hello: new BoxPlayer(keys[BOX]!).hello(issued.challenge), challenge: issued.challenge });
  assert.is(res.status, 403);
  assert.is((await errorOf(res)).code, 'box_blocked');
  database.close();
});

test('refuses a message that is not a HELLO and a challenge for an unknown box', async () => {
  const { app, wallet, database } = walletWorld();
  const issued = await challenge(app, wallet, BOX);
  const res = await openSession(app, wallet, { hello: '0104', challenge: issued.challenge });
  assert.is(res.status, 400);
  assert.is((await errorOf(res)).code, 'hello_invalid');
  const none = await app.request('/v1/wallet/challenges', signed(wallet, 'POST', '/v1/wallet/challenges', { boxId: 'ffffffffffffffff' }));
  assert.is(none.status, 404);
  database.close();
});

test.run();
