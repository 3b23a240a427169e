import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { boxes } from '../../../../cloud/db/schema/index.ts';
import { PERMISSIONS, type OperatorPrincipal } from '../../../../cloud/services/authority/permissions.ts';
import { configureBox } from '../../../../cloud/services/box-admin/index.ts';
import { fromHex } from '../../../../shared/bytes/hex.ts';
import { RIGHT } from '../../../../shared/protocol/constants.ts';
import { BoxPlayer, PaymentBox } from '../../box-player.ts';
import { signed } from '../../wallet-client.ts';
import { BOX, errorOf, walletWorld } from '../../wallet-world.ts';

const PLATFORM: OperatorPrincipal = { accountId: 'acc_platform', merchantId: null, permissions: PERMISSIONS, via: 'api_key', locale: 'en' };

const test = suite('sessionCommandRoutes');

test('carries a queued CONFIG to the box: MANAGE in the ticket, the telegram for its IV, the receipt applied, then nothing', async () => {
  const { app, wallet, walletId, keys, database } = walletWorld();
  const post = (path: string, body: unknown) => app.request(path, signed(wallet, 'POST', path, body));
  configureBox(database.db, PLATFORM, BOX, { currency: 'JPY', fields: { scenario: 1, outputMask: 1, unitSeconds: 60, unitPrice: 100, maxAmount: 3000 } }, Date.now());
  const player = new BoxPlayer(keys[BOX]!);
  const { challenge } = (await (await post('/v1/wallet/challenges', { boxId: BOX })).json()) as { challenge: string };
  const session = (await (await post('/v1/wallet/sessions', { hello: player.hello(challenge), challenge })).json()) as { sessionId: string; auth: string; rights: number };
  assert.equal(player.acceptAuth(session.auth), { walletId, rights: RIGHT.PAY | RIGHT.MANAGE, validSeconds: 120 });

  const box = new PaymentBox(keys[BOX]!);
  let res = await post(`/v1/wallet/sessions/${session.sessionId}/commands`, { iv: box.iv() });
  assert.is(res.status, 201);
  const { command } = (await res.json()) as { command: { id: string; kind: string; telegram: string; txnId: string } };
  assert.is(command.kind, 'config');
  assert.is(box.open(command.telegram).unitPrice, 100);
  res = await post(`/v1/wallet/sessions/${session.sessionId}/commands/${command.id}/receipt`, { receipt: box.receipt(fromHex(command.txnId)) });
  assert.is(res.status, 200);
  assert.equal(await res.json(), { command: { id: command.id, kind: 'config', state: 'applied', status: 'ok', detail: 0 } });
  assert.is(database.db.select().from(boxes).where(eq(boxes.id, BOX)).get()!.appliedConfigVersion, 1);

  res = await post(`/v1/wallet/sessions/${session.sessionId}/commands`, { iv: box.iv() });
  assert.equal([res.status, await res.json()], [200, { command: null }]);
  res = await post('/v1/wallet/sessions/ses_unknown/commands', { iv: box.iv() });
  assert.equal([res.status, (await errorOf(res)).code], [404, 'session_not_found']);
  res = await post(`/v1/wallet/sessions/${session.sessionId}/commands/${command.id}/receipt`, { receipt: '0107' });
  assert.equal([res.status, (await errorOf(res)).code], [400, 'receipt_invalid']);
  database.close();
});

test.run();
