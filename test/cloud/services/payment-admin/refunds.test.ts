import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { auditLog, refunds, webhookDeliveries } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { refundTransaction } from '../../../../cloud/services/payment-admin/index.ts';
import { settleRefund } from '../../../../cloud/services/payments/refunds.ts';
import { createWebhookEndpoint } from '../../../../cloud/services/webhooks/index.ts';
import { MERCHANT_A, MERCHANT_B, PLATFORM, adminWorld, principal } from './world.ts';

const code = (c: string) => (e: unknown) => e instanceof CloudError && e.code === c;

async function rejects(promise: Promise<unknown>, c: string): Promise<void> {
  try {
    await promise;
  } catch (err) {
    assert.ok(code(c)(err), `expected ${c}, got ${err instanceof CloudError ? err.code : String(err)}`);
    return;
  }
  assert.unreachable(`expected ${c}`);
}

const test = suite('refundTransaction');

test('a partial refund keeps the payment in Finish, a second one for the rest makes it Refunded', async () => {
  const w = adminWorld();
  await w.pay({ id: 'pay_1', amountMinor: 1000 });
  const first = await refundTransaction(w.deps, MERCHANT_A, { paymentId: 'pay_1', amountMinor: 400, reason: 'one cycle failed' });
  assert.equal([first.refund.amountMinor, first.refund.state, first.transaction.state, first.transaction.refundedMinor], [400, 'refunded', 'finish', 400]);
  const rest = await refundTransaction(w.deps, MERCHANT_A, { paymentId: 'pay_1', reason: 'customer complaint' });
  assert.equal([rest.refund.amountMinor, rest.transaction.state, rest.transaction.refundedMinor], [600, 'refunded', 1000]);
  const actions = w.db.select({ action: auditLog.action, actor: auditLog.actor }).from(auditLog).all();
  assert.equal(actions.filter((a) => a.action === 'refund.requested').map((a) => a.actor), ['operator:acc_m_a', 'operator:acc_m_a']);
  assert.ok(actions.some((a) => a.action === 'payment.refunded'));
  w.database.close();
});

test('refuses more than remains, a payment never charged, and an empty reason', async () => {
  const w = adminWorld();
  await w.pay({ id: 'pay_1', amountMinor: 1000 });
  await w.pay({ id: 'pay_open', state: 'request' });
  await refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', amountMinor: 900, reason: 'x' });
  await rejects(refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', amountMinor: 101, reason: 'x' }), 'refund_exceeds_payment');
  await rejects(refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', amountMinor: 0, reason: 'x' }), 'refund_exceeds_payment');
  await rejects(refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_open', reason: 'x' }), 'payment_not_charged');
  await rejects(refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', amountMinor: 100, reason: '  ' }), 'reason_required');
  await refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', reason: 'rest' });
  await rejects(refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', reason: 'again' }), 'refund_exceeds_payment');
  w.database.close();
});

test('the same idempotency key answers the same refund and never pays twice; another amount with it is refused', async () => {
  const w = adminWorld();
  await w.pay({ id: 'pay_1', amountMinor: 1000 });
  const first = await refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', amountMinor: 300, reason: 'x', idempotencyKey: 'k-1' });
  const again = await refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', amountMinor: 300, reason: 'x', idempotencyKey: 'k-1' });
  assert.is(again.refund.id, first.refund.id);
  assert.is(again.replayed, true);
  assert.is(again.transaction.refundedMinor, 300);
  assert.is(w.db.select().from(refunds).all().length, 1);
  await rejects(refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', amountMinor: 200, reason: 'x', idempotencyKey: 'k-1' }), 'idempotency_key_reused');
  const full = await refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', reason: 'rest', idempotencyKey: 'k-2' });
  const fullAgain = await refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', reason: 'rest', idempotencyKey: 'k-2' });
  assert.equal([full.refund.amountMinor, fullAgain.refund.amountMinor, fullAgain.replayed], [700, 700, true]);
  assert.is(w.acquirer.ledger()[0]!.refunds.length, 2);
  w.database.close();
});

test('answers another merchant\'s payment as not found and needs payments.refund', async () => {
  const w = adminWorld();
  await w.pay({ id: 'pay_1', amountMinor: 1000 });
  await rejects(refundTransaction(w.deps, MERCHANT_B, { paymentId: 'pay_1', reason: 'x' }), 'payment_not_found');
  await rejects(refundTransaction(w.deps, principal(null, ['payments.view']), { paymentId: 'pay_1', reason: 'x' }), 'permission_denied');
  assert.is(w.db.select().from(refunds).all().length, 0);
  w.database.close();
});

test('a refund the acquirer refuses is recorded as failed and frees its amount', async () => {
  const w = adminWorld();
  await w.pay({ id: 'pay_1', amountMinor: 5000 });
  const refused = await refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', amountMinor: 912, reason: 'x' });
  assert.equal([refused.refund.state, refused.transaction.refundedMinor], ['failed', 0]);
  const rest = await refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', reason: 'y' });
  assert.equal([rest.refund.amountMinor, rest.transaction.state], [5000, 'refunded']);
  w.database.close();
});

test('queues refund.succeeded for a partial refund and refund.failed for a refused one', async () => {
  const w = adminWorld();
  createWebhookEndpoint(w.db, 'm_a', 'https://laundry.example/hooks', { kek: w.kek, actor: 'operator:test' });
  await w.pay({ id: 'pay_1', amountMinor: 5000 });
  const partial = await refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', amountMinor: 100, reason: 'x' });
  await refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', amountMinor: 912, reason: 'x' });
  const rows = w.db.select().from(webhookDeliveries).all();
  assert.equal(rows.map((r) => r.eventType), ['refund.succeeded', 'refund.failed']);
  const body = JSON.parse(rows[0]!.payload) as { data: { refund: { id: string; amountMinor: number }; payment: { refundedMinor: number } } };
  assert.equal([body.data.refund.id, body.data.refund.amountMinor, body.data.payment.refundedMinor], [partial.refund.id, 100, 100]);
  assert.is(w.db.select().from(refunds).where(eq(refunds.id, partial.refund.id)).get()!.state, 'refunded');
  w.database.close();
});

test.run();

const settle = suite('settleRefund');

settle('applies an acquirer\'s answer to a pending refund once, however often it arrives', async () => {
  const w = adminWorld();
  await w.pay({ id: 'pay_1', amountMinor: 5000 });
  const pending = await refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', amountMinor: 1968, reason: 'x', idempotencyKey: 'k' });
  assert.equal([pending.refund.state, pending.transaction.refundedMinor], ['pending', 0]);
  const again = await refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', amountMinor: 1968, reason: 'x', idempotencyKey: 'k' });
  assert.equal([again.refund.id, again.refund.state, again.replayed], [pending.refund.id, 'pending', true]);
  const answer = { outcome: 'refunded' as const, acquirerRef: 'gw_1' };
  settleRefund(w.deps, 'pay_1', pending.refund.id, 1968, answer);
  settleRefund(w.deps, 'pay_1', pending.refund.id, 1968, answer);
  const after = await refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', amountMinor: 1968, reason: 'x', idempotencyKey: 'k' });
  assert.equal([after.refund.state, after.transaction.refundedMinor, after.transaction.state], ['refunded', 1968, 'finish']);
  w.database.close();
});

settle.run();
