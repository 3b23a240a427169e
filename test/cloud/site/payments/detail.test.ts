import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertBothLocales, assertGated, okPage } from '../page-checks.ts';
import { MERCHANT_A } from '../site-world.ts';
import { paymentsWorld } from './payments-world.ts';

const world = paymentsWorld();
const viewer = world.account({ permissions: ['payments.view'] });
const refunder = world.account({ permissions: ['payments.view', 'payments.refund'] });
const merchantA = world.account({ merchantId: MERCHANT_A, permissions: ['payments.view', 'payments.refund'] });
const test = suite('transaction detail page');
test.after(() => world.cleanup());

test('needs a session and payments.view', async () => {
  await assertGated(world, '/admin/payments/pay_a1', 'payments.view');
});

test('shows the payment, its state history and its audit proof verified with hashes', async () => {
  const html = await okPage(await world.get('/admin/payments/pay_a1', viewer));
  assert.match(html, /NT\$300\.00/);
  assert.match(html, /Washer 1/);
  assert.match(html, /<h2 id="history-title">State history<\/h2>/);
  assert.match(html, /receipt_ok/);
  assert.match(html, /class="proof-verified">Verified: [^<]+<code>[0-9a-f]{64}<\/code>/);
  assert.match(html, /payment\.request/);
});

test('offers the refund form only to an account holding payments.refund', async () => {
  assert.not.match(await okPage(await world.get('/admin/payments/pay_a1', viewer)), /class="refund-form"/);
  const html = await okPage(await world.get('/admin/payments/pay_a1', refunder));
  assert.match(html, /class="refund-form"/);
  assert.match(html, /Full refund of NT\$300\.00/);
  assert.match(html, /name="refundKey" value="[0-9a-f-]{36}"/);
});

test('links the box to its page only for an account that may view boxes', async () => {
  assert.not.match(await okPage(await world.get('/admin/payments/pay_a1', viewer)), /href="\/admin\/boxes\//);
  const boxViewer = world.account({ permissions: ['payments.view', 'boxes.view'] });
  assert.match(await okPage(await world.get('/admin/payments/pay_a1', boxViewer)), /href="\/admin\/boxes\/a0a0a0a0a0a0a0a0"/);
});

test('offers no refund for a payment that was never charged', async () => {
  assert.not.match(await okPage(await world.get('/admin/payments/pay_a3', refunder)), /class="refund-form"/);
});

test('answers another merchant\'s payment as not found', async () => {
  const res = await world.get('/admin/payments/pay_b1', merchantA);
  assert.is(res.status, 404);
  assert.is((await world.get('/admin/payments/pay_nothing', refunder)).status, 404);
});

test('renders in both locales', async () => {
  const zh = world.account({ permissions: ['payments.view', 'payments.refund'], locale: 'zh-TW' });
  const html = await assertBothLocales(world, '/admin/payments/pay_a1', refunder, zh);
  for (const label of ['狀態歷程', '稽核證明', '退款']) assert.match(html, label);
});

test.run();
