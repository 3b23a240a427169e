import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../../../cloud/audit/index.ts';
import { auditLog, paymentEvents, paymentReceipts } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { auditProof, refundTransaction, transactionDetail } from '../../../../cloud/services/payment-admin/index.ts';
import { transitionPayment } from '../../../../cloud/services/payments/index.ts';
import { BOX_A, MERCHANT_A, MERCHANT_B, PLATFORM, T0, adminWorld, principal } from './world.ts';

async function finished() {
  const w = adminWorld();
  await w.pay({ id: 'pay_1', state: 'request', amountMinor: 1000 });
  w.db.insert(paymentEvents).values({ paymentId: 'pay_1', fromState: null, toState: 'request', reason: 'created', createdAt: T0 }).run();
  appendAudit(w.db, { at: T0, actor: 'wallet:wa_one', action: 'payment.request', subjectType: 'payment', subjectId: 'pay_1', data: { amountMinor: 1000 } });
  const charge = await w.acquirer.charge({ paymentId: 'pay_1', amountMinor: 1000, currency: '392', merchantId: 'm_a', walletAppId: 'wa_one' });
  const acquirerRef = charge.outcome === 'approved' ? charge.acquirerRef : null;
  transitionPayment(w.db, { paymentId: 'pay_1', to: 'accept', reason: 'approved', actor: 'system', at: T0 + 1, set: { chargeStatus: 'approved', acquirerRef } });
  transitionPayment(w.db, { paymentId: 'pay_1', to: 'finish', reason: 'receipt_ok', actor: 'system', at: T0 + 2 });
  w.db.insert(paymentReceipts).values({
    paymentId: 'pay_1', boxId: BOX_A, status: 0, detail: 0, counter: 7, logSeq: 3, boxTime: 0, message: '00', outcome: 'applied', receivedAt: T0 + 2,
  }).run();
  return w;
}

const test = suite('transactionDetail');

test('gives the state history, receipts, refunds and what may still be refunded', async () => {
  const w = await finished();
  await refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_1', amountMinor: 250, reason: 'slow spin' });
  const d = transactionDetail(w.db, MERCHANT_A, 'pay_1');
  assert.equal(d.events.map((e) => [e.fromState, e.toState, e.reason]), [[null, 'request', 'created'], ['request', 'accept', 'approved'], ['accept', 'finish', 'receipt_ok']]);
  assert.equal(d.receipts.map((r) => [r.counter, r.outcome]), [[7, 'applied']]);
  assert.equal(d.refunds.map((r) => [r.amountMinor, r.state, r.reason]), [[250, 'refunded', 'slow spin']]);
  assert.equal([d.refundableMinor, d.transaction.refundedMinor, d.charge.status], [750, 250, 'approved']);
  w.database.close();
});

test('proves the payment\'s audit rows chain to the head', async () => {
  const w = await finished();
  appendAudit(w.db, { actor: 'system', action: 'other.thing', subjectType: 'box', subjectId: BOX_A, data: {} });
  const d = transactionDetail(w.db, PLATFORM, 'pay_1');
  assert.equal(d.audit.rows.map((r) => r.action), ['payment.request', 'payment.accept', 'payment.finish']);
  assert.is(d.audit.verified, true);
  const head = w.db.select({ hash: auditLog.hash }).from(auditLog).orderBy(sql`id desc`).limit(1).get()!;
  assert.is(d.audit.headHash, head.hash);
  assert.is(d.audit.checkedRows, 4);
  w.database.close();
});

test('answers another merchant\'s payment as not found and needs payments.view', async () => {
  const w = await finished();
  assert.throws(() => transactionDetail(w.db, MERCHANT_B, 'pay_1'), (e: unknown) => e instanceof CloudError && e.code === 'payment_not_found');
  assert.throws(() => transactionDetail(w.db, principal('m_a', ['payments.refund']), 'pay_1'), (e: unknown) => e instanceof CloudError && e.code === 'permission_denied');
  w.database.close();
});

const proof = suite('auditProof');

proof('fails when one of the payment\'s rows, or any row after it, was altered', async () => {
  const w = await finished();
  appendAudit(w.db, { actor: 'system', action: 'later', subjectType: 'box', subjectId: BOX_A, data: { n: 1 } });
  const rows = w.db.select().from(auditLog).all();
  const later = rows.at(-1)!;
  w.db.update(auditLog).set({ data: '{"n":2}' }).where(eq(auditLog.id, later.id)).run();
  const p = auditProof(w.db, 'payment', 'pay_1');
  assert.equal([p.verified, p.brokenId, p.headHash], [false, later.id, null]);
  w.db.update(auditLog).set({ data: '{"n":1}' }).where(eq(auditLog.id, later.id)).run();
  assert.is(auditProof(w.db, 'payment', 'pay_1').verified, true);
  const mine = rows.find((r) => r.action === 'payment.accept')!;
  w.db.update(auditLog).set({ actor: 'operator:mallory' }).where(eq(auditLog.id, mine.id)).run();
  assert.equal(auditProof(w.db, 'payment', 'pay_1').brokenId, mine.id);
  w.database.close();
});

proof('checks the whole tail page by page and says nothing is proven for a subject without rows', async () => {
  const w = await finished();
  for (let i = 0; i < 5; i++) appendAudit(w.db, { actor: 'system', action: 'later', subjectType: 'box', subjectId: BOX_A, data: { i } });
  const p = auditProof(w.db, 'payment', 'pay_1', 2);
  assert.equal([p.verified, p.checkedRows], [true, 8]);
  assert.equal(auditProof(w.db, 'payment', 'pay_none'), { rows: [], verified: false, headHash: null, checkedRows: 0 });
  w.database.close();
});

test.run();
proof.run();
