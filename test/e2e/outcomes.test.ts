import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ERR, STATUS } from '../../shared/protocol/index.ts';
import { openDatabase } from '../../cloud/db/open.ts';
import { recordCharge } from '../../cloud/services/payments/index.ts';
import { isWalletError } from '../../sdk/index.ts';
import { scenarioBox } from './scenarios.ts';
import { machineActions, startWorld, type World } from './world.ts';

// Declined by the acquirer, a machine that fails to vend, and a payment cancelled by the app.
const outcomes = suite('pay outcomes');
let world: World;
let machineAnswer = 0;
const washer = scenarioBox('washer');
const vending = scenarioBox('vending');
const counter = scenarioBox('counter');
const deposit = scenarioBox('deposit');

outcomes.before(async () => {
  world = await startWorld({ boxes: ['washer', 'vending', 'counter', 'deposit'], machineAnswer: () => machineAnswer });
});
outcomes.after(async () => {
  await world?.close();
});

outcomes('a charge the acquirer declines throws declined with its code, and the box never sees a telegram', async () => {
  const b = world.boxes.washer!;
  const from = b.box.now();
  try {
    await world.wallet().pay({ boxId: washer.boxId, order: { sku: 'DECLINE' } });
    assert.unreachable();
  } catch (error) {
    assert.ok(isWalletError(error, 'declined'), String(error));
    assert.is(error.details.declineCode, 'do_not_honor');
    assert.is(error.details.declinedBy, 'acquirer');
    assert.ok(error.details.paymentId?.startsWith('pay_'));
    const payment = await world.wallet().cloud.payment(error.details.paymentId!);
    assert.is(payment.state, 'declined');
  }
  world.transport.advance(500);
  assert.equal(machineActions(b, from), { activations: 0, vends: 0 });
});

outcomes('a machine that answers the VEND with a NAK ends machine_failed and the cloud refunds on its own', async () => {
  machineAnswer = 7;
  try {
    const result = await world.wallet().pay({ boxId: vending.boxId, order: vending.order });
    assert.is(result.outcome, 'machine_failed');
    assert.equal([result.receipt.status, result.receipt.detail], [STATUS.MACHINE_FAILED, 7]);
    assert.is(result.payment.state, 'refunded');
    assert.is(result.payment.refundedMinor, result.payment.amountMinor);
    const entry = world.acquirer.ledger().find((e) => e.paymentId === result.payment.id)!;
    assert.is(entry.refunds.filter((r) => r.result.outcome === 'refunded').length, 1);
  } finally {
    machineAnswer = 0;
  }
});

outcomes('aborting after the charge and before the telegram cancels on the box and in the cloud, and refunds', async () => {
  const b = world.boxes.washer!;
  const from = b.box.now();
  const abort = new AbortController();
  let paymentId: string | undefined;
  const abortingFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (String(input).endsWith('/v1/wallet/payments')) {
      paymentId = ((await res.clone().json()) as { payment: { id: string } }).payment.id;
      abort.abort();
    }
    return res;
  };
  try {
    await world.wallet({ fetch: abortingFetch }).pay({ boxId: washer.boxId, order: washer.order, signal: abort.signal });
    assert.unreachable();
  } catch (error) {
    assert.ok(isWalletError(error, 'cancelled'), String(error));
    assert.is(error.details.paymentId, paymentId);
  }
  const payment = await world.wallet().cloud.payment(paymentId!);
  assert.ok(payment.state === 'refunded' || payment.state === 'canceled', payment.state);
  world.transport.advance(500);
  assert.equal(machineActions(b, from), { activations: 0, vends: 0 });
});

outcomes('a locker still rented refuses a second payment: box_busy, refunded by the cloud, no second opening', async () => {
  const b = world.boxes.deposit!;
  const first = await world.wallet().pay({ boxId: deposit.boxId, order: deposit.order });
  assert.is(first.payment.state, 'finish');
  world.transport.advance(1000);
  const from = b.box.now();
  try {
    await world.wallet().pay({ boxId: deposit.boxId, order: deposit.order });
    assert.unreachable();
  } catch (error) {
    assert.ok(isWalletError(error, 'box_busy'), String(error));
    assert.is(error.details.boxCode, ERR.BUSY);
    const payment = await world.wallet().cloud.payment(error.details.paymentId!);
    assert.is(payment.state, 'refunded');
  }
  world.transport.advance(1000);
  assert.equal(machineActions(b, from), { activations: 0, vends: 0 });
});

outcomes('a box id nobody advertises is box_not_found', async () => {
  try {
    await world.wallet().pay({ boxId: '00000000000000ff', order: washer.order });
    assert.unreachable();
  } catch (error) {
    assert.ok(isWalletError(error, 'box_not_found'), String(error));
  }
});

outcomes('a charge the acquirer answers late (202) is polled until accepted, then sealed for a fresh IV and paid', async () => {
  let settled = false;
  const lateAcquirer: typeof fetch = async (input, init) => {
    const path = new URL(String(input)).pathname;
    if (!settled && init?.method === 'GET' && path.startsWith('/v1/wallet/payments/')) {
      // The acquirer's callback arrives while the wallet polls.
      const database = openDatabase(world.dbPath);
      const paymentId = path.split('/').at(-1)!;
      const settlement = world.acquirer.settle(paymentId, 'approved');
      if (settlement.kind === 'charge') recordCharge({ db: database.db, kek: world.kek, acquirer: world.acquirer, now: Date.now }, paymentId, settlement.result);
      database.close();
      settled = true;
    }
    return fetch(input, init);
  };
  // 968: the test acquirer leaves the charge pending (docs/acquirers.md).
  const result = await world.wallet({ fetch: lateAcquirer }).pay({ boxId: counter.boxId, order: { amountMinor: 968, currency: 'JPY' } });
  assert.ok(settled);
  assert.is(result.outcome, 'ok');
  assert.is(result.payment.state, 'finish');
  assert.is(result.payment.amountMinor, 968);
});

outcomes.run();
