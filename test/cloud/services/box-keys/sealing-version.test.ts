import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PERMISSIONS, type OperatorPrincipal } from '../../../../cloud/services/authority/permissions.ts';
import { rotateKeys } from '../../../../cloud/services/box-admin/index.ts';
import { sealingKeyVersion } from '../../../../cloud/services/box-keys/index.ts';
import { BoxPlayer, PaymentBox } from '../../box-player.ts';
import { paymentWorld } from '../payments/world.ts';
import { BOX } from '../../wallet-world.ts';

const PLATFORM: OperatorPrincipal = { accountId: 'acc_platform', merchantId: null, permissions: PERMISSIONS, via: 'api_key', locale: 'en' };

const test = suite('sealingKeyVersion');

test('keeps sealing a box\'s payments under the keys it proved until its HELLO shows the rotated ones', async () => {
  const w = paymentWorld();
  const session = async (player: BoxPlayer) => {
    const { challenge } = (await (await w.post('/v1/wallet/challenges', { boxId: BOX })).json()) as { challenge: string };
    const res = await w.post('/v1/wallet/sessions', { hello: player.hello(challenge), challenge });
    return ((await res.json()) as { sessionId: string }).sessionId;
  };
  const pay = async (box: PaymentBox, sessionId: string, key: string) => {
    const res = await w.post('/v1/wallet/payments', { sessionId, iv: box.iv(), sku: 'WASH-30' }, { 'idempotency-key': key });
    assert.is(res.status, 201);
    return box.open(((await res.json()) as { telegram: string }).telegram);
  };
  assert.is(sealingKeyVersion(w.database.db, BOX), undefined, 'a box never seen is sealed under its newest keys');
  const v1 = w.keys[BOX]!;
  const first = await session(new BoxPlayer(v1));
  rotateKeys({ db: w.database.db, kek: w.kek }, PLATFORM, BOX, w.now());
  assert.is(sealingKeyVersion(w.database.db, BOX), 1);
  assert.is((await pay(new PaymentBox(v1), first, 'k-1')).amount, 300, 'the box still on version 1 opens the payment');
  w.database.close();
});

test.run();
