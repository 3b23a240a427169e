import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { verifyAuditChain } from '../../../../cloud/audit/index.ts';
import { auditLog, boxes, paymentEvents, payments, webhookDeliveries } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { listAudit } from '../../../../cloud/services/authority/audit.ts';
import { PERMISSIONS, type OperatorPrincipal } from '../../../../cloud/services/authority/permissions.ts';
import { loadPayment, transitionPayment } from '../../../../cloud/services/payments/index.ts';
import { createWebhookEndpoint } from '../../../../cloud/services/webhooks/index.ts';
import { boxOwner } from '../../payment-owner.ts';
import { BOX } from '../../wallet-world.ts';
import { paymentWorld } from './world.ts';

function seeded() {
  const w = paymentWorld();
  const walletAppId = w.wallet.keyId;
  w.database.db.insert(payments).values({
    id: 'pay_1', txnId: 7, boxId: BOX, ...boxOwner(w.database.db, BOX), walletAppId, amountMinor: 300, currency: 'JPY', state: 'request', createdAt: 1, updatedAt: 1,
  }).run();
  return w;
}

const operator = (merchantId: string): OperatorPrincipal => ({ accountId: `acc_${merchantId}`, merchantId, permissions: PERMISSIONS, via: 'api_key', locale: 'en' });

const test = suite('transitionPayment');

test('moves the payment and writes its event and an audit row in one transaction', () => {
  const { database } = seeded();
  const before = database.db.select().from(auditLog).all().length;
  const row = transitionPayment(database.db, { paymentId: 'pay_1', to: 'accept', reason: 'approved', actor: 'system', at: 5, set: { acquirerRef: 'ref' } });
  assert.is(row.state, 'accept');
  assert.is(row.acquirerRef, 'ref');
  const events = database.db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, 'pay_1')).all();
  assert.equal(events.map((e) => [e.fromState, e.toState, e.reason]), [['request', 'accept', 'approved']]);
  const audit = database.db.select().from(auditLog).all();
  assert.is(audit.length, before + 1);
  assert.is(audit.at(-1)!.action, 'payment.accept');
  assert.ok(verifyAuditChain(database.db).ok);
  database.close();
});

test('records the payment\'s merchant and store in its audit row, so that merchant\'s accounts see it and no other\'s do', () => {
  const { database } = seeded();
  const { db } = database;
  // The box moving afterwards changes nothing: the payment's own merchant is recorded.
  db.update(boxes).set({ storeId: 's_2' }).where(eq(boxes.id, BOX)).run();
  transitionPayment(db, { paymentId: 'pay_1', to: 'canceled', reason: 'wallet', actor: 'system', at: 5 });
  const audited = (merchantId: string) => listAudit(db, operator(merchantId), { subjectId: 'pay_1' }).data.map((r) => r.action);
  assert.equal(audited('m_1'), ['payment.canceled']);
  assert.equal(audited('m_2'), []);
  const row = listAudit(db, operator('m_1'), { subjectId: 'pay_1' }).data[0]!;
  assert.equal([(row.data as { merchantId: string }).merchantId, (row.data as { storeId: string }).storeId], ['m_1', 's_1']);
  database.close();
});

test('sends the payment\'s webhook to the merchant it was made for, not to the one its box moved to', () => {
  const { database, kek } = seeded();
  const { db } = database;
  const laundry = createWebhookEndpoint(db, 'm_1', 'https://laundry.example/hooks', { kek, actor: 'operator:test' });
  const arcade = createWebhookEndpoint(db, 'm_2', 'https://arcade.example/hooks', { kek, actor: 'operator:test' });
  db.update(boxes).set({ storeId: 's_2' }).where(eq(boxes.id, BOX)).run();
  transitionPayment(db, { paymentId: 'pay_1', to: 'canceled', reason: 'wallet', actor: 'system', at: 5 });
  const deliveries = db.select().from(webhookDeliveries).all();
  assert.equal(deliveries.map((d) => [d.endpointId, d.eventType]), [[laundry.id, 'payment.canceled']]);
  assert.is.not(deliveries[0]!.endpointId, arcade.id);
  assert.is((JSON.parse(deliveries[0]!.payload) as { data: { payment: { storeId: string } } }).data.payment.storeId, 's_1');
  database.close();
});

test('refuses an illegal transition with illegal_transition and writes nothing', () => {
  const { database } = seeded();
  const audit = database.db.select().from(auditLog).all().length;
  assert.throws(() => transitionPayment(database.db, { paymentId: 'pay_1', to: 'finish', reason: 'x', actor: 'system', at: 5 }),
    (err: unknown) => err instanceof CloudError && err.code === 'illegal_transition');
  assert.is(loadPayment(database.db, 'pay_1').state, 'request');
  assert.is(database.db.select().from(paymentEvents).all().length, 0);
  assert.is(database.db.select().from(auditLog).all().length, audit);
  database.close();
});

test('rolls the state back when the caller\'s transaction fails after it', () => {
  const { database } = seeded();
  assert.throws(() => database.db.transaction((tx) => {
    transitionPayment(tx, { paymentId: 'pay_1', to: 'canceled', reason: 'x', actor: 'system', at: 5 });
    throw new Error('later step failed');
  }));
  assert.is(loadPayment(database.db, 'pay_1').state, 'request');
  assert.is(database.db.select().from(paymentEvents).all().length, 0);
  database.close();
});

test('answers payment_not_found for an unknown payment', () => {
  const { database } = seeded();
  assert.throws(() => transitionPayment(database.db, { paymentId: 'pay_x', to: 'accept', reason: 'x', actor: 'system', at: 5 }),
    (err: unknown) => err instanceof CloudError && err.code === 'payment_not_found');
  database.close();
});

test.run();
