import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { verifyAuditChain } from '../../../../cloud/audit/index.ts';
import { auditLog, paymentEvents, payments } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { loadPayment, transitionPayment } from '../../../../cloud/services/payments/index.ts';
import { BOX } from '../../wallet-world.ts';
import { paymentWorld } from './world.ts';

function seeded() {
  const w = paymentWorld();
  const walletAppId = w.wallet.keyId;
  w.database.db.insert(payments).values({
    id: 'pay_1', txnId: 7, boxId: BOX, walletAppId, amountMinor: 300, currency: 'JPY', state: 'request', createdAt: 1, updatedAt: 1,
  }).run();
  return w;
}

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
