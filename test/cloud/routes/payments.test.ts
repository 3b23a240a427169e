import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createSimulatorAcquirer, type Acquirer } from '../../../cloud/acquirers/index.ts';
import { verifyAuditChain } from '../../../cloud/audit/index.ts';
import { paymentReceipts, refunds } from '../../../cloud/db/schema/index.ts';
import { KEY_RETENTION_MS, sweepExpired, PAYMENT_TTL_MS } from '../../../cloud/services/payments/index.ts';
import { idempotencyKeys } from '../../../cloud/db/schema/index.ts';
import { createWalletApp } from '../../../cloud/services/wallet-apps/index.ts';
import { STATUS } from '../../../shared/protocol/constants.ts';
import { PaymentBox, paymentWorld } from '../services/payments/world.ts';
import { signed } from '../wallet-client.ts';
import { BOX, OTHER_BOX, errorOf } from '../wallet-world.ts';

type World = ReturnType<typeof paymentWorld>;
interface Paid { payment: { id: string; state: string; amountMinor: number; txnId: string }; telegram: string }

const PAY = '/v1/wallet/payments';
const payBody = (box: PaymentBox, extra: Record<string, unknown> = {}) => ({ boxId: BOX, iv: box.iv(), sku: 'WASH-30', units: 2, ...extra });

async function paid(w: World, box: PaymentBox, key = 'k-1'): Promise<Paid> {
  const res = await w.post(PAY, payBody(box), { 'idempotency-key': key });
  assert.is(res.status, 201);
  return (await res.json()) as Paid;
}

const state = async (w: World, id: string) => ((await (await w.get(`${PAY}/${id}`)).json()) as { payment: { state: string } }).payment.state;

const test = suite('paymentRoutes');

test('prices from the merchandise, charges, and returns a telegram the box opens for this wallet', async () => {
  const w = paymentWorld();
  const box = new PaymentBox(w.keys[BOX]!);
  const body = await paid(w, box);
  assert.is(body.payment.state, 'accept');
  assert.is(body.payment.amountMinor, 600);
  const fields = box.open(body.telegram);
  assert.is(fields.amount, 600);
  assert.is(fields.currency, 392);
  assert.is(fields.units, 60, 'two 30-minute washes');
  assert.is(fields.walletId, w.walletId);
  assert.is(Buffer.from(fields.txnId as Uint8Array).toString('hex'), body.payment.txnId);
  w.database.close();
});

test('replays the stored response for the same key and body, and charges once', async () => {
  const w = paymentWorld();
  const box = new PaymentBox(w.keys[BOX]!);
  const body = payBody(box);
  const first = await w.post(PAY, body, { 'idempotency-key': 'same' });
  const second = await w.post(PAY, body, { 'idempotency-key': 'same' });
  assert.is(second.status, first.status);
  assert.equal(await second.json(), await first.json());
  assert.is((w.acquirer as ReturnType<typeof createSimulatorAcquirer>).ledger().length, 1);
  const other = await w.post(PAY, { ...body, units: 3 }, { 'idempotency-key': 'same' });
  assert.is(other.status, 409);
  assert.is((await errorOf(other)).code, 'idempotency_key_reused');
  w.database.close();
});

test('answers idempotency_in_flight while the first request with the key is still charging', async () => {
  const inner = createSimulatorAcquirer();
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => { release = resolve; });
  const slow: Acquirer = { name: 'slow', charge: async (r) => { await gate; return inner.charge(r); }, refund: (r) => inner.refund(r) };
  const w = paymentWorld(slow);
  const body = payBody(new PaymentBox(w.keys[BOX]!));
  const first = w.post(PAY, body, { 'idempotency-key': 'slow' });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const second = await w.post(PAY, body, { 'idempotency-key': 'slow' });
  assert.is(second.status, 409);
  assert.is((await errorOf(second)).code, 'idempotency_in_flight');
  release();
  assert.is((await first).status, 201);
  w.database.close();
});

test('requires an Idempotency-Key and claims none for an invalid body', async () => {
  const w = paymentWorld();
  const box = new PaymentBox(w.keys[BOX]!);
  assert.is((await errorOf(await w.post(PAY, payBody(box)))).code, 'idempotency_key_invalid');
  const bad = await w.post(PAY, { ...payBody(box), units: 0 }, { 'idempotency-key': 'k' });
  assert.is(bad.status, 400);
  assert.is((await w.post(PAY, payBody(box), { 'idempotency-key': 'k' })).status, 201, 'the key was not used up by the 400');
  w.database.close();
});

test('answers 402 payment_declined with the acquirer\'s code for a magic declining amount, and 202 for a pending one', async () => {
  const w = paymentWorld();
  const box = new PaymentBox(w.keys[BOX]!);
  const declined = await w.post(PAY, payBody(box, { sku: 'DECLINE', units: 1 }), { 'idempotency-key': 'd' });
  assert.is(declined.status, 402);
  const body = (await declined.json()) as { error: { code: string; declineCode: string }; payment: { state: string } };
  assert.is(body.error.code, 'payment_declined');
  assert.is(body.error.declineCode, 'insufficient_funds');
  assert.is(body.payment.state, 'declined');
  const pending = await w.post(PAY, payBody(box, { sku: 'PENDING', units: 1 }), { 'idempotency-key': 'p' });
  assert.is(pending.status, 202);
  assert.is(((await pending.json()) as { payment: { state: string } }).payment.state, 'request');
  w.database.close();
});

test('refuses an amount where merchandise is sold, and a box the controls deny', async () => {
  const w = paymentWorld();
  const box = new PaymentBox(w.keys[BOX]!);
  const res = await w.post(PAY, { boxId: BOX, iv: box.iv(), amountMinor: 1, currency: 'JPY' }, { 'idempotency-key': 'a' });
  assert.is(res.status, 422);
  assert.is((await errorOf(res)).code, 'sku_required');
  w.database.sqlite.prepare('update boxes set max_per_transaction_minor = 100 where id = ?').run(BOX);
  const limited = await w.post(PAY, payBody(box), { 'idempotency-key': 'b' });
  assert.is(limited.status, 402);
  assert.is(((await limited.json()) as { error: { declineCode: string } }).error.declineCode, 'transaction_max_exceeded');
  w.database.close();
});

test('an OK receipt moves the payment to Finish; the same receipt again changes nothing', async () => {
  const w = paymentWorld();
  const box = new PaymentBox(w.keys[BOX]!);
  const { payment, telegram } = await paid(w, box);
  const receipt = box.receipt(box.open(telegram).txnId as Uint8Array);
  const res = await w.post(`${PAY}/${payment.id}/receipt`, { receipt });
  assert.is(res.status, 200);
  assert.is(await state(w, payment.id), 'finish');
  assert.is((await w.post(`${PAY}/${payment.id}/receipt`, { receipt })).status, 200);
  assert.equal(w.database.db.select({ o: paymentReceipts.outcome }).from(paymentReceipts).all().map((r) => r.o), ['applied', 'repeat']);
  assert.ok(verifyAuditChain(w.database.db).ok);
  w.database.close();
});

test('refuses a forged receipt and one from another box, leaving the payment in Accept', async () => {
  const w = paymentWorld();
  const box = new PaymentBox(w.keys[BOX]!);
  const { payment, telegram } = await paid(w, box);
  const txnId = box.open(telegram).txnId as Uint8Array;
  const forged = await w.post(`${PAY}/${payment.id}/receipt`, { receipt: box.receipt(txnId, STATUS.OK, 0, new Uint8Array(32)) });
  assert.is(forged.status, 400);
  assert.is((await errorOf(forged)).code, 'receipt_mac_invalid');
  const foreign = await w.post(`${PAY}/${payment.id}/receipt`, { receipt: new PaymentBox(w.keys[OTHER_BOX]!).receipt(txnId) });
  assert.is(foreign.status, 409);
  assert.is((await errorOf(foreign)).code, 'receipt_box_mismatch');
  const otherTxn = await w.post(`${PAY}/${payment.id}/receipt`, { receipt: box.receipt(new Uint8Array(8).fill(1)) });
  assert.is((await errorOf(otherTxn)).code, 'receipt_txn_mismatch');
  assert.is(await state(w, payment.id), 'accept');
  w.database.close();
});

test('a machine failure moves the payment to Failed and refunds it in full automatically', async () => {
  const w = paymentWorld();
  const box = new PaymentBox(w.keys[BOX]!);
  const { payment, telegram } = await paid(w, box);
  const res = await w.post(`${PAY}/${payment.id}/receipt`, { receipt: box.receipt(box.open(telegram).txnId as Uint8Array, STATUS.MACHINE_FAILED) });
  const body = (await res.json()) as { payment: { state: string; refundedMinor: number } };
  assert.is(body.payment.state, 'refunded');
  assert.is(body.payment.refundedMinor, 600);
  assert.equal(w.database.db.select({ s: refunds.state }).from(refunds).all(), [{ s: 'refunded' }]);
  w.database.close();
});

test('cancel before the receipt ends in Canceled then Refunded; a second cancel is an illegal transition', async () => {
  const w = paymentWorld();
  const { payment } = await paid(w, new PaymentBox(w.keys[BOX]!));
  const res = await w.post(`${PAY}/${payment.id}/cancel`, {});
  assert.is(((await res.json()) as { payment: { state: string } }).payment.state, 'refunded');
  const again = await w.post(`${PAY}/${payment.id}/cancel`, {});
  assert.is(again.status, 409);
  assert.is((await errorOf(again)).code, 'illegal_transition');
  w.database.close();
});

test('a lost receipt: the same txnId resealed for a new IV, the box answers DUPLICATE with the original status', async () => {
  const w = paymentWorld();
  const box = new PaymentBox(w.keys[BOX]!);
  const { payment, telegram } = await paid(w, box);
  const txnId = box.open(telegram).txnId as Uint8Array;
  box.receipt(txnId);
  const reconnected = new PaymentBox(w.keys[BOX]!, box.counter);
  const res = await w.post(`${PAY}/${payment.id}/reseal`, { iv: reconnected.iv() });
  assert.is(res.status, 200);
  const resealed = reconnected.open(((await res.json()) as { telegram: string }).telegram);
  assert.equal(resealed.txnId, txnId);
  await w.post(`${PAY}/${payment.id}/receipt`, { receipt: reconnected.receipt(txnId, STATUS.DUPLICATE, STATUS.OK) });
  assert.is(await state(w, payment.id), 'finish');
  const late = await w.post(`${PAY}/${payment.id}/reseal`, { iv: reconnected.iv() });
  assert.is((await errorOf(late)).code, 'payment_not_resealable');
  w.database.close();
});

test('the sweep expires an abandoned accepted payment past its deadline and refunds it', async () => {
  const w = paymentWorld();
  const { payment } = await paid(w, new PaymentBox(w.keys[BOX]!));
  assert.equal(await sweepExpired(w.deps, w.clock.ms + 1000), { expired: 0, refunded: 0, prunedKeys: 0 });
  assert.equal(await sweepExpired(w.deps, w.clock.ms + PAYMENT_TTL_MS), { expired: 1, refunded: 1, prunedKeys: 0 });
  assert.is(await state(w, payment.id), 'refunded');
  w.database.close();
});

test('the sweep answers the key of a request that died mid-charge, and drops keys past their retention', async () => {
  const w = paymentWorld();
  const { payment } = await paid(w, new PaymentBox(w.keys[BOX]!), 'crashed');
  // As if the process had died before storing its response: the key is still claimed.
  w.database.db.update(idempotencyKeys).set({ status: 'in_progress', responseStatus: null, responseBody: null }).run();
  await sweepExpired(w.deps, w.clock.ms + PAYMENT_TTL_MS);
  const row = w.database.db.select().from(idempotencyKeys).get()!;
  assert.equal([row.status, row.responseStatus], ['done', 409]);
  assert.match(row.responseBody!, new RegExp(`payment_expired.*${payment.id}`));
  assert.is((await sweepExpired(w.deps, w.clock.ms + PAYMENT_TTL_MS + KEY_RETENTION_MS + 1)).prunedKeys, 1);
  w.database.close();
});

test('shows a payment only to the wallet app that made it', async () => {
  const w = paymentWorld();
  const { payment } = await paid(w, new PaymentBox(w.keys[BOX]!));
  const other = createWalletApp(w.database.db, 'Other App', { kek: w.kek, actor: 'operator:test' });
  const path = `${PAY}/${payment.id}`;
  const res = await w.app.request(path, signed({ keyId: other.id, signingKey: other.signingKey }, 'GET', path, undefined, { timestamp: Math.floor(w.clock.ms / 1000) }));
  assert.is(res.status, 404);
  assert.is((await errorOf(res)).code, 'payment_not_found');
  assert.is((await w.get(path)).status, 200);
  assert.is((await w.get(`${PAY}/pay_nothing`)).status, 404);
  w.database.close();
});

test.run();
