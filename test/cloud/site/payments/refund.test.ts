import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { payments } from '../../../../cloud/db/schema/index.ts';
import { accessibilityProblems } from '../a11y.ts';
import { MERCHANT_A } from '../site-world.ts';
import { agreeableAcquirer, paymentsWorld } from './payments-world.ts';

const acquirer = agreeableAcquirer();
const world = paymentsWorld(acquirer);
const refunder = world.account({ permissions: ['payments.view', 'payments.refund'] });
const viewer = world.account({ permissions: ['payments.view'] });
const merchantA = world.account({ merchantId: MERCHANT_A, permissions: ['payments.view', 'payments.refund'] });
const test = suite('refund form');
test.after(() => world.cleanup());

const refunded = (id: string) => world.db.select({ r: payments.refundedMinor, state: payments.state }).from(payments).where(eq(payments.id, id)).get();

test('refunds part of a payment and announces it on the detail page', async () => {
  const res = await world.post('/admin/payments/pay_a1/refund', refunder, { kind: 'partial', amount: '100.50', reason: 'short wash', refundKey: 'k-1' });
  assert.is(res.status, 303);
  const location = res.headers.get('location') ?? '';
  assert.match(location, /^\/admin\/payments\/pay_a1\?refund=re_[0-9a-f]+$/);
  assert.equal(refunded('pay_a1'), { r: 10050, state: 'finish' });
  const page = await (await world.get(location, refunder)).text();
  assert.match(page, /Refunded NT\$100\.50\./);
  assert.match(page, /Refundable: NT\$199\.50/);
});

test('answers a resubmitted form with the same refund instead of paying twice', async () => {
  const before = acquirer.refunds;
  const res = await world.post('/admin/payments/pay_a1/refund', refunder, { kind: 'partial', amount: '100.50', reason: 'short wash', refundKey: 'k-1' });
  assert.is(res.status, 303);
  assert.is(acquirer.refunds, before);
  assert.is(refunded('pay_a1')?.r, 10050);
});

test('refuses more than what remains and a refund without a reason, keeping what was typed', async () => {
  const tooMuch = await world.post('/admin/payments/pay_a1/refund', refunder, { kind: 'partial', amount: '199.51', reason: 'oops', refundKey: 'k-2' });
  assert.is(tooMuch.status, 422);
  const html = await tooMuch.text();
  assert.match(html, /Enter an amount greater than zero and at most NT\$199\.50/);
  assert.match(html, /value="199\.51"/);
  assert.match(html, /name="refundKey" value="k-2"/);
  assert.equal(accessibilityProblems(html), []);
  const noReason = await world.post('/admin/payments/pay_a1/refund', refunder, { kind: 'full', reason: ' ', refundKey: 'k-3' });
  assert.is(noReason.status, 422);
  assert.match(await noReason.text(), /Give the reason for the refund/);
  assert.is(refunded('pay_a1')?.r, 10050);
});

test('refunds the rest in full and the payment becomes Refunded', async () => {
  const res = await world.post('/admin/payments/pay_a1/refund', refunder, { kind: 'full', amount: '', reason: 'customer asked', refundKey: 'k-4' });
  assert.is(res.status, 303);
  assert.equal(refunded('pay_a1'), { r: 30000, state: 'refunded' });
  const page = await (await world.get('/admin/payments/pay_a1', refunder)).text();
  assert.not.match(page, /class="refund-form"/);
});

test('refuses an account without payments.refund, another tenant\'s payment, and a form without its CSRF token', async () => {
  assert.is((await world.post('/admin/payments/pay_a2/refund', viewer, { kind: 'full', reason: 'x' })).status, 403);
  assert.is((await world.post('/admin/payments/pay_b1/refund', merchantA, { kind: 'full', reason: 'x' })).status, 404);
  assert.is((await world.post('/admin/payments/pay_a2/refund', refunder, { kind: 'full', reason: 'x' }, { csrf: false })).status, 403);
  assert.is(refunded('pay_a2')?.r, 0);
  assert.is(refunded('pay_b1')?.r, 0);
});

test.run();

const refused = suite('refund form with an acquirer that says no');
const refusing = paymentsWorld({
  name: 'refusing',
  charge: () => Promise.resolve({ outcome: 'approved', acquirerRef: 'ch_1' }),
  refund: () => Promise.resolve({ outcome: 'failed', code: 'refund_declined', message: 'The acquirer refused the refund.' }),
});
const clerk = refusing.account({ permissions: ['payments.view', 'payments.refund'] });
refused.after(() => refusing.cleanup());

refused('says the acquirer refused and leaves the whole amount refundable', async () => {
  const res = await refusing.post('/admin/payments/pay_a2/refund', clerk, { kind: 'full', reason: 'broken dryer', refundKey: 'k-9' });
  assert.is(res.status, 303);
  const page = await (await refusing.get(res.headers.get('location')!, clerk)).text();
  assert.match(page, /class="notice error"[^>]*>The acquirer refused the refund of NT\$125\.50\./);
  assert.match(page, /Refundable: NT\$125\.50/);
});

refused.run();
