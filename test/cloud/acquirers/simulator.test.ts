import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { createSimulatorAcquirer, MAGIC_CHARGES } from '../../../cloud/acquirers/index.ts';
import { magicCharge } from '../../../cloud/acquirers/simulator/index.ts';

const request = (paymentId: string, amountMinor: number) => ({ paymentId, amountMinor, currency: '392', merchantId: 'm_1', walletAppId: 'wa_1' });

const charge = suite('createSimulatorAcquirer charge');

charge('approves an ordinary amount with a reference derived from the payment id alone', async () => {
  const a = await createSimulatorAcquirer().charge(request('p_1', 1200));
  const b = await createSimulatorAcquirer().charge(request('p_1', 300));
  assert.is(a.outcome, 'approved');
  assert.equal(a, b);
  assert.match(a.outcome === 'approved' ? a.acquirerRef : '', /^sim_ch_[0-9a-f]{24}$/);
});

charge('declines each magic amount with its stable code', async () => {
  const sim = createSimulatorAcquirer();
  const cases: [number, string][] = [[1951, 'insufficient_funds'], [905, 'do_not_honor'], [2941, 'lost_card'], [943, 'stolen_card'], [954, 'expired_card'], [961, 'exceeds_limit'], [914, 'invalid_account']];
  for (const [amount, code] of cases) {
    const result = await sim.charge(request(`p_${amount}`, amount));
    assert.is(result.outcome === 'declined' && result.code, code, `amount ${amount}`);
  }
});

charge('leaves a timeout or error amount pending, without charging', async () => {
  const sim = createSimulatorAcquirer();
  assert.equal(await sim.charge(request('p_t', 968)), { outcome: 'pending', reason: 'timeout' });
  assert.equal(await sim.charge(request('p_e', 1991)), { outcome: 'pending', reason: 'acquirer_error' });
  assert.ok(sim.ledger().every((e) => !e.charged));
});

charge('answers a repeated request with the stored result and charges once', async () => {
  const sim = createSimulatorAcquirer();
  const first = await sim.charge(request('p_r', 500));
  const second = await sim.charge(request('p_r', 500));
  assert.equal(first, second);
  const [entry] = sim.ledger();
  assert.is(entry?.calls, 2);
  assert.is(entry?.charged, true);
});

charge('refuses the same payment id with another amount as idempotency_conflict', async () => {
  const sim = createSimulatorAcquirer();
  await sim.charge(request('p_c', 500));
  const other = await sim.charge(request('p_c', 600));
  assert.is(other.outcome === 'declined' && other.code, 'idempotency_conflict');
  assert.is(sim.ledger()[0]?.amountMinor, 500);
});

charge('a 992 amount fails once then approves on repeat, as a retry after a transient error', async () => {
  const sim = createSimulatorAcquirer();
  assert.is((await sim.charge(request('p_x', 992))).outcome, 'pending');
  assert.is((await sim.charge(request('p_x', 992))).outcome, 'approved');
  assert.is((await sim.charge(request('p_x', 992))).outcome, 'approved');
  assert.is(sim.ledger()[0]?.calls, 3);
});

charge('declines a zero, negative or fractional amount as invalid_amount', async () => {
  const sim = createSimulatorAcquirer();
  for (const amount of [0, -5, 1.5]) {
    const result = await sim.charge(request(`p_${amount}`, amount));
    assert.is(result.outcome === 'declined' && result.code, 'invalid_amount');
  }
});

charge('settle turns a pending charge into the late outcome and returns the callback', async () => {
  const sim = createSimulatorAcquirer();
  await sim.charge(request('p_s', 968));
  const callback = sim.settle('p_s', 'approved');
  assert.is(callback.kind, 'charge');
  assert.is((await sim.charge(request('p_s', 968))).outcome, 'approved');
  assert.is(sim.ledger()[0]?.charged, true);
});

charge('approves every amount whose last three digits are not in the magic table', () => {
  fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 10_000_000 }), async (amount) => {
    fc.pre(MAGIC_CHARGES[amount % 1000] === undefined);
    assert.is(magicCharge(amount), undefined);
    assert.is((await createSimulatorAcquirer().charge(request('p', amount))).outcome, 'approved');
  }), { numRuns: 200 });
});

charge.run();

const refund = suite('createSimulatorAcquirer refund');

async function charged(amount = 1000) {
  const sim = createSimulatorAcquirer();
  const result = await sim.charge(request('p_1', amount));
  const acquirerRef = result.outcome === 'approved' ? result.acquirerRef : '';
  const refundOf = (refundId: string, amountMinor: number) => sim.refund({ paymentId: 'p_1', refundId, acquirerRef, amountMinor, currency: '392' });
  return { sim, refundOf };
}

refund('refunds in parts up to the charged amount, then refuses the excess', async () => {
  const { refundOf } = await charged(1000);
  assert.is((await refundOf('r_1', 600)).outcome, 'refunded');
  assert.is((await refundOf('r_2', 400)).outcome, 'refunded');
  const excess = await refundOf('r_3', 1);
  assert.is(excess.outcome === 'failed' && excess.code, 'amount_exceeds_charge');
});

refund('answers a repeated refund id with the same result and refunds once', async () => {
  const { sim, refundOf } = await charged(1000);
  assert.equal(await refundOf('r_1', 1000), await refundOf('r_1', 1000));
  assert.is(sim.ledger()[0]?.refunds.length, 1);
});

refund('fails or stays pending for the magic refund amounts', async () => {
  const { refundOf } = await charged(5000);
  const failed = await refundOf('r_f', 912);
  assert.is(failed.outcome === 'failed' && failed.code, 'refund_declined');
  assert.equal(await refundOf('r_t', 968), { outcome: 'pending', reason: 'timeout' });
});

refund('refuses a refund of an unknown or declined charge as charge_not_found', async () => {
  const sim = createSimulatorAcquirer();
  await sim.charge(request('p_d', 951));
  const result = await sim.refund({ paymentId: 'p_d', refundId: 'r', acquirerRef: 'x', amountMinor: 1, currency: '392' });
  assert.is(result.outcome === 'failed' && result.code, 'charge_not_found');
});

refund.run();
