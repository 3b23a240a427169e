import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHttpAcquirer } from '../../../../cloud/acquirers/index.ts';
import { verifyAuditChain } from '../../../../cloud/audit/index.ts';
import { refunds, webhookDeliveries } from '../../../../cloud/db/schema/index.ts';
import { refundPayment } from '../../../../cloud/services/payments/index.ts';
import { createWebhookEndpoint } from '../../../../cloud/services/webhooks/index.ts';
import { signatureHeader } from '../../../../cloud/webhooks/index.ts';
import { startGateway, type TestGateway } from '../../acquirers/gateway-server.ts';
import { PaymentBox, paymentWorld } from '../../services/payments/world.ts';
import { BOX, errorOf } from '../../wallet-world.ts';

const SECRET = 'gateway-shared-secret-0123456789';
const CALLBACK = '/v1/acquirers/http/callback';
const PAY = '/v1/wallet/payments';
type World = ReturnType<typeof paymentWorld>;

/** Signed the way the gateway signs its callbacks (test/cloud/acquirers/gateway-server.ts). */
function callback(w: World, event: object, options: { secret?: string; timestampS?: number; raw?: string } = {}) {
  const body = options.raw ?? JSON.stringify(event);
  const t = options.timestampS ?? Math.floor(Date.now() / 1000);
  return w.app.request(CALLBACK, {
    method: 'POST', body,
    headers: { 'content-type': 'application/json', 'gateway-signature': signatureHeader(options.secret ?? SECRET, body, t) },
  });
}

async function world(): Promise<{ w: World; gateway: TestGateway }> {
  const gateway = await startGateway(SECRET);
  const acquirer = createHttpAcquirer({ baseUrl: gateway.url, secret: SECRET, merchant: 'acct_1', maxAttempts: 1, timeoutMs: 2_000 });
  return { w: paymentWorld(acquirer), gateway };
}

/** A payment left in Request: the gateway answered 503 to its only attempt. */
async function pendingPayment(w: World, gateway: TestGateway, box: PaymentBox): Promise<string> {
  gateway.failNext(1, 503);
  const res = await w.post(PAY, { boxId: BOX, iv: box.iv(), sku: 'WASH-30' }, { 'idempotency-key': 'k-1' });
  assert.is(res.status, 202);
  return ((await res.json()) as { payment: { id: string } }).payment.id;
}

const test = suite('acquirerRoutes');

test('an approved charge callback moves the payment to Accept; the wallet polls, reseals for the telegram and finishes', async () => {
  const { w, gateway } = await world();
  try {
    const box = new PaymentBox(w.keys[BOX]!);
    const id = await pendingPayment(w, gateway, box);
    const res = await callback(w, { type: 'charge', reference: id, id: 'gw_77', status: 'approved' });
    assert.is(res.status, 200);
    assert.equal(await res.json(), { received: true, applied: true, payment: { id, state: 'accept' } });
    const polled = (await (await w.get(`${PAY}/${id}`)).json()) as { payment: { state: string } };
    assert.is(polled.payment.state, 'accept');
    const resealed = (await (await w.post(`${PAY}/${id}/reseal`, { iv: box.iv() })).json()) as { telegram: string };
    const txnId = box.open(resealed.telegram).txnId as Uint8Array;
    assert.is((await w.post(`${PAY}/${id}/receipt`, { receipt: box.receipt(txnId) })).status, 200);
    const repeat = await callback(w, { type: 'charge', reference: id, id: 'gw_77', status: 'approved' });
    assert.is(repeat.status, 200);
    assert.equal(await repeat.json(), { received: true, applied: false, payment: { id, state: 'finish' } });
    assert.ok(verifyAuditChain(w.database.db).ok);
  } finally {
    await gateway.close();
    w.database.close();
  }
});

test('a declined charge callback declines the payment and queues payment.declined for the merchant', async () => {
  const { w, gateway } = await world();
  try {
    createWebhookEndpoint(w.database.db, 'm_1', 'https://laundry.example/hooks', { kek: w.kek, actor: 'operator:test' });
    const id = await pendingPayment(w, gateway, new PaymentBox(w.keys[BOX]!));
    const res = await callback(w, { type: 'charge', reference: id, id: 'gw_78', status: 'declined', code: 'insufficient_funds' });
    assert.equal(await res.json(), { received: true, applied: true, payment: { id, state: 'declined' } });
    assert.equal(w.database.db.select({ t: webhookDeliveries.eventType }).from(webhookDeliveries).all(), [{ t: 'payment.declined' }]);
  } finally {
    await gateway.close();
    w.database.close();
  }
});

test('a refund callback settles a pending refund once and the payment becomes Refunded', async () => {
  const { w, gateway } = await world();
  try {
    const box = new PaymentBox(w.keys[BOX]!);
    const res = await w.post(PAY, { boxId: BOX, iv: box.iv(), sku: 'WASH-30' }, { 'idempotency-key': 'k-2' });
    const { payment, telegram } = (await res.json()) as { payment: { id: string }; telegram: string };
    await w.post(`${PAY}/${payment.id}/receipt`, { receipt: box.receipt(box.open(telegram).txnId as Uint8Array) });
    gateway.failNext(1, 503);
    const { refundId, result } = await refundPayment(w.deps, payment.id, 300, 'operator', 'operator:test');
    assert.is(result, 'pending');
    const event = { type: 'refund', reference: refundId, id: 'gw_r1', status: 'refunded' };
    assert.equal(await (await callback(w, event)).json(), { received: true, applied: true, payment: { id: payment.id, state: 'refunded' } });
    assert.equal(await (await callback(w, event)).json(), { received: true, applied: false, payment: { id: payment.id, state: 'refunded' } });
    assert.equal(w.database.db.select({ s: refunds.state }).from(refunds).all(), [{ s: 'refunded' }]);
  } finally {
    await gateway.close();
    w.database.close();
  }
});

test('refuses a forged or stale signature (401), a malformed body (400), and an unknown acquirer or reference (404)', async () => {
  const { w, gateway } = await world();
  try {
    const id = await pendingPayment(w, gateway, new PaymentBox(w.keys[BOX]!));
    const event = { type: 'charge', reference: id, id: 'gw_79', status: 'approved' };
    const forged = await callback(w, event, { secret: 'someone-else-secret-0000' });
    assert.is(forged.status, 401);
    assert.is((await errorOf(forged)).code, 'signature_mismatch');
    assert.is((await errorOf(await callback(w, event, { timestampS: Math.floor(Date.now() / 1000) - 3_600 }))).code, 'signature_stale');
    const malformed = await callback(w, { type: 'charge', reference: id, status: 'maybe' });
    assert.is(malformed.status, 400);
    assert.is((await errorOf(malformed)).code, 'callback_malformed');
    assert.is((await callback(w, { ...event, reference: 'pay_000000000000000000000000' })).status, 404);
    const other = await w.app.request('/v1/acquirers/simulator/callback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.is((await errorOf(other)).code, 'acquirer_not_found');
    const polled = (await (await w.get(`${PAY}/${id}`)).json()) as { payment: { state: string } };
    assert.is(polled.payment.state, 'request', 'nothing refused was applied');
  } finally {
    await gateway.close();
    w.database.close();
  }
});

test.run();
