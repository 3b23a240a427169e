import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { webhookDeliveries } from '../../../../cloud/db/schema/index.ts';
import { transitionPayment } from '../../../../cloud/services/payments/index.ts';
import { DbDeliveryStore, createWebhookEndpoint, databaseDeliveryEngine, disableWebhookEndpoint } from '../../../../cloud/services/webhooks/index.ts';
import { verifySignatureHeader } from '../../../../cloud/webhooks/index.ts';
import { PaymentBox, paymentWorld } from '../payments/world.ts';
import { BOX } from '../../wallet-world.ts';
import { startReceiver } from './receiver.ts';

const PAY = '/v1/wallet/payments';
const operator = { actor: 'operator:test' };
type World = ReturnType<typeof paymentWorld>;

async function finishPayment(w: World, boxId = BOX): Promise<string> {
  const box = new PaymentBox(w.keys[boxId]!);
  const res = await w.post(PAY, { boxId, iv: box.iv(), sku: 'WASH-30' }, { 'idempotency-key': `k-${boxId}` });
  const { payment, telegram } = (await res.json()) as { payment: { id: string }; telegram: string };
  const done = await w.post(`${PAY}/${payment.id}/receipt`, { receipt: box.receipt(box.open(telegram).txnId as Uint8Array) });
  assert.is(done.status, 200);
  return payment.id;
}

const test = suite('databaseDeliveryEngine');

test('a real receiver gets a signed payment.finished after Finish, retried after a 500, with every attempt logged', async () => {
  const w = paymentWorld();
  const receiver = await startReceiver();
  try {
    const endpoint = createWebhookEndpoint(w.database.db, 'm_1', receiver.url, { kek: w.kek, ...operator, now: w.now });
    const paymentId = await finishPayment(w);
    const engine = databaseDeliveryEngine(w.database.db, w.kek, { now: w.now, random: () => 0, backoff: { baseMs: 1_000, maxMs: 10_000 } });
    receiver.answers.push(500);
    assert.equal(await engine.runDue(), { attempted: 1, delivered: 0, retrying: 1, failed: 0 });
    assert.equal(await engine.runDue(), { attempted: 0, delivered: 0, retrying: 0, failed: 0 }, 'not due before its backoff');
    w.clock.ms += 1_000;
    assert.equal(await engine.runDue(), { attempted: 1, delivered: 1, retrying: 0, failed: 0 });
    assert.is(receiver.received.length, 2);
    const last = receiver.received[1]!;
    const event = JSON.parse(last.body) as { id: string; type: string; data: { payment: { id: string; state: string; previousState: string } } };
    assert.is(event.type, 'payment.finished');
    assert.is(event.data.payment.id, paymentId);
    assert.is(event.data.payment.previousState, 'accept');
    assert.is(last.headers['waygo-event-id'], event.id);
    verifySignatureHeader(endpoint.secret, last.body, last.headers['waygo-signature'] as string, { nowS: Math.floor(w.clock.ms / 1000) });
    assert.is(receiver.received[0]!.body, last.body, 'every attempt sends the same body');
    const store = new DbDeliveryStore(w.database.db);
    const [row] = w.database.db.select().from(webhookDeliveries).all();
    assert.is(row!.state, 'delivered');
    const attempts = await store.attempts(row!.id);
    assert.equal(attempts.map((a) => [a.attempt, a.statusCode, a.error]), [[1, 500, 'http_500'], [2, 200, null]]);
  } finally {
    await receiver.close();
    w.database.close();
  }
});

test('queues nothing for another merchant\'s endpoint, for a disabled one, or for a rolled-back transition', async () => {
  const w = paymentWorld();
  createWebhookEndpoint(w.database.db, 'm_2', 'https://arcade.example/hooks', { kek: w.kek, ...operator });
  const disabled = createWebhookEndpoint(w.database.db, 'm_1', 'https://laundry.example/old', { kek: w.kek, ...operator });
  disableWebhookEndpoint(w.database.db, disabled.id, operator);
  await finishPayment(w);
  assert.is(w.database.db.select().from(webhookDeliveries).all().length, 0);
  const live = createWebhookEndpoint(w.database.db, 'm_1', 'https://laundry.example/hooks', { kek: w.kek, ...operator });
  const box = new PaymentBox(w.keys[BOX]!);
  const res = await w.post(PAY, { boxId: BOX, iv: box.iv(), sku: 'DRY-10' }, { 'idempotency-key': 'k-rollback' });
  const { payment } = (await res.json()) as { payment: { id: string } };
  assert.throws(() => w.database.db.transaction((tx) => {
    transitionPayment(tx, { paymentId: payment.id, to: 'canceled', reason: 'test', actor: 'system', at: w.now() });
    throw new Error('rolled back');
  }), /rolled back/);
  assert.is(w.database.db.select().from(webhookDeliveries).all().length, 0);
  transitionPayment(w.database.db, { paymentId: payment.id, to: 'canceled', reason: 'test', actor: 'system', at: w.now() });
  const rows = w.database.db.select().from(webhookDeliveries).all();
  assert.equal(rows.map((r) => [r.endpointId, r.eventType]), [[live.id, 'payment.canceled']]);
  w.database.close();
});

test('gives up a pending delivery once its endpoint is disabled', async () => {
  const w = paymentWorld();
  const endpoint = createWebhookEndpoint(w.database.db, 'm_1', 'http://127.0.0.1:9/unused', { kek: w.kek, ...operator });
  await finishPayment(w);
  disableWebhookEndpoint(w.database.db, endpoint.id, operator);
  const engine = databaseDeliveryEngine(w.database.db, w.kek, { now: w.now });
  assert.equal(await engine.runDue(), { attempted: 1, delivered: 0, retrying: 0, failed: 1 });
  const [row] = w.database.db.select().from(webhookDeliveries).all();
  assert.is(row!.lastError, 'endpoint_disabled');
  w.database.close();
});

test.run();
