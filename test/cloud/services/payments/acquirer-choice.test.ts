import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { SimulatorAcquirer } from '../../../../cloud/acquirers/index.ts';
import { merchandise } from '../../../../cloud/db/schema/index.ts';
import { PERMISSIONS, type OperatorPrincipal } from '../../../../cloud/services/authority/permissions.ts';
import { setAcquirerSettings } from '../../../../cloud/services/payment-admin/index.ts';
import { loadPayment, merchantAcquirer, refundPayment } from '../../../../cloud/services/payments/index.ts';
import { signatureHeader } from '../../../../cloud/webhooks/index.ts';
import { startGateway, type TestGateway } from '../../acquirers/gateway-server.ts';
import { BOX, STRANGER_BOX } from '../../wallet-world.ts';
import { PaymentBox, paymentWorld } from './world.ts';

const SECRET = 'arcade-gateway-shared-secret-0123';
const PAY = '/v1/wallet/payments';
const PLATFORM: OperatorPrincipal = { accountId: 'acc_platform', merchantId: null, permissions: PERMISSIONS, via: 'api_key', locale: 'en' };
type World = ReturnType<typeof paymentWorld>;

/** Merchant m_1 on the process-wide simulator until it names its own; m_2 (STRANGER_BOX) on a real local gateway. */
async function world(): Promise<{ w: World; gateway: TestGateway }> {
  const gateway = await startGateway(SECRET);
  const w = paymentWorld();
  w.database.db.insert(merchandise).values({ id: 'g_crane', storeId: 's_2', sku: 'CRANE', name: 'Crane', priceMinor: 200, currency: 'JPY', scenarioParams: { count: 1 }, createdAt: 1 }).run();
  setAcquirerSettings(w.database.db, w.kek, PLATFORM, 'm_2', {
    kind: 'http', settings: { name: 'gw-arcade', baseUrl: gateway.url, merchant: 'acct_arcade', maxAttempts: 1, timeoutMs: 2_000 }, secret: SECRET,
  }, w.now());
  return { w, gateway };
}

let keys = 0;
async function pay(w: World, boxId: string, sku: string): Promise<{ status: number; id: string; state: string }> {
  const box = new PaymentBox(w.keys[boxId]!);
  const res = await w.post(PAY, { boxId, iv: box.iv(), sku }, { 'idempotency-key': `k-${++keys}` });
  const { payment } = (await res.json()) as { payment: { id: string; state: string } };
  return { status: res.status, id: payment.id, state: payment.state };
}

function callback(w: World, name: string, event: object, secret = SECRET) {
  const body = JSON.stringify(event);
  return w.app.request(`/v1/acquirers/${name}/callback`, {
    method: 'POST', body, headers: { 'content-type': 'application/json', 'gateway-signature': signatureHeader(secret, body, Math.floor(Date.now() / 1000)) },
  });
}

const test = suite('chargingAcquirer');

test('charges and refunds each merchant through its own acquirer, and one without settings through the process-wide one', async () => {
  const { w, gateway } = await world();
  try {
    const first = await pay(w, BOX, 'WASH-30');
    assert.is(first.state, 'accept');
    assert.is(loadPayment(w.database.db, first.id).acquirer, 'simulator');
    const arcade = await pay(w, STRANGER_BOX, 'CRANE');
    assert.is(arcade.state, 'accept');
    assert.is(loadPayment(w.database.db, arcade.id).acquirer, 'gw-arcade');
    assert.is([...gateway.charges.values()].reduce((n, times) => n + times, 0), 1);
    assert.is((w.acquirer as SimulatorAcquirer).ledger().length, 1);

    setAcquirerSettings(w.database.db, w.kek, PLATFORM, 'm_1', { kind: 'simulator', settings: { name: 'sim-laundry' } }, w.now());
    const second = await pay(w, BOX, 'WASH-30');
    assert.is(loadPayment(w.database.db, second.id).acquirer, 'sim-laundry');
    const own = merchantAcquirer(w.deps, 'm_1') as SimulatorAcquirer;
    assert.equal(own.ledger().map((e) => e.paymentId), [second.id]);
    assert.is((w.acquirer as SimulatorAcquirer).ledger().length, 1);

    const before = gateway.requests;
    assert.is((await refundPayment(w.deps, arcade.id, 'rest', 'test', 'system')).result, 'refunded');
    assert.is(gateway.requests, before + 1);
    assert.is((await refundPayment(w.deps, first.id, 'rest', 'test', 'system')).result, 'refunded');
    assert.is((await refundPayment(w.deps, second.id, 'rest', 'test', 'system')).result, 'refunded');
    assert.is(gateway.requests, before + 1);
  } finally {
    await gateway.close();
  }
});

test('builds a fresh acquirer when the merchant\'s settings change, even within the same millisecond', async () => {
  const { w, gateway } = await world();
  try {
    setAcquirerSettings(w.database.db, w.kek, PLATFORM, 'm_1', { kind: 'simulator', settings: { name: 'sim-a' } }, w.now());
    const a = merchantAcquirer(w.deps, 'm_1');
    assert.is(merchantAcquirer(w.deps, 'm_1'), a);
    setAcquirerSettings(w.database.db, w.kek, PLATFORM, 'm_1', { kind: 'simulator', settings: { name: 'sim-b' } }, w.now());
    const b = merchantAcquirer(w.deps, 'm_1');
    assert.is.not(b, a);
    assert.is(b!.name, 'sim-b');
    assert.is(merchantAcquirer(w.deps, 'm_404'), undefined);
  } finally {
    await gateway.close();
  }
});

test('takes a callback signed with the merchant\'s own gateway secret, and refuses one signed with another', async () => {
  const { w, gateway } = await world();
  try {
    gateway.failNext(1, 503);
    const pending = await pay(w, STRANGER_BOX, 'CRANE');
    assert.equal([pending.status, pending.state], [202, 'request']);
    const event = { type: 'charge', reference: pending.id, id: 'gw_9', status: 'approved' };
    const forged = await callback(w, 'gw-arcade', event, 'some-other-merchants-secret-0123');
    assert.is(forged.status, 401);
    assert.is((await callback(w, 'gw-nobody', event)).status, 404);
    const res = await callback(w, 'gw-arcade', event);
    assert.is(res.status, 200);
    assert.equal(await res.json(), { received: true, applied: true, payment: { id: pending.id, state: 'accept' } });
  } finally {
    await gateway.close();
  }
});

test.run();
