import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { operatorWorld } from '../../../operator-fixtures.ts';
import { BOX_B, T0, payId, seedPayments } from './seed.ts';

const DAY = 86_400_000;
const world = await operatorWorld();
await seedPayments(world, [
  { id: payId(1), createdAt: T0, amountMinor: 300 },
  { id: payId(2), createdAt: T0 + DAY, amountMinor: 1000 },
  { id: payId(3), createdAt: T0 + DAY, amountMinor: 2000 },
  { id: payId(4), createdAt: T0 + DAY, amountMinor: 700, box: BOX_B },
]);
const platform = world.account({ permissions: ['payments.view', 'payments.refund'] });
const merchantA = world.account({ merchantId: world.merchants.a, permissions: ['payments.view', 'payments.refund'] });
const viewer = world.account({ merchantId: world.merchants.a, permissions: ['payments.view'] });

interface Page { data: { id: string; merchant: { code: string } }[]; nextCursor: string | null }
const json = async <T>(res: Response) => (await res.json()) as T;

const query = suite('GET /v1/operator/payments');

query('filters by merchant code, date and amount as the query page sends them', async () => {
  const res = await world.request(platform, 'GET', '/v1/operator/payments?merchantCode=A0001&from=2026-03-02&to=2026-03-02&minAmount=1500');
  assert.is(res.status, 200);
  assert.equal((await json<Page>(res)).data.map((r) => r.id), [payId(3)]);
});

query('pages with nextCursor until it is null', async () => {
  const seen: string[] = [];
  let path = '/v1/operator/payments?limit=3';
  for (;;) {
    const page = await json<Page>(await world.request(platform, 'GET', path));
    seen.push(...page.data.map((r) => r.id));
    if (page.nextCursor === null) break;
    path = `/v1/operator/payments?limit=3&cursor=${page.nextCursor}`;
  }
  assert.equal(seen, [payId(4), payId(3), payId(2), payId(1)]);
});

query('shows a merchant account only its own payments', async () => {
  const page = await json<Page>(await world.request(merchantA, 'GET', '/v1/operator/payments?merchantCode=B0001'));
  assert.equal(page.data, []);
  const mine = await json<Page>(await world.request(merchantA, 'GET', '/v1/operator/payments'));
  assert.equal(mine.data.map((r) => r.merchant.code), ['A0001', 'A0001', 'A0001']);
});

query('answers 400 naming the filter at fault', async () => {
  const res = await world.request(platform, 'GET', '/v1/operator/payments?minAmount=ten');
  assert.is(res.status, 400);
  assert.equal((await json<{ error: { code: string; param: string } }>(res)).error.param, 'minAmount');
  const zone = await world.request(platform, 'GET', '/v1/operator/payments?from=2026-03-01&tz=Nowhere');
  assert.equal([zone.status, (await json<{ error: { code: string } }>(zone)).error.code], [400, 'tz_invalid']);
});

const detail = suite('GET /v1/operator/payments/:id');

detail('answers the detail with its audit proof, and another merchant\'s payment as 404', async () => {
  const res = await world.request(viewer, 'GET', `/v1/operator/payments/${payId(1)}`);
  assert.is(res.status, 200);
  const body = await json<{ transaction: { id: string }; refundableMinor: number; audit: { verified: boolean } }>(res);
  assert.equal([body.transaction.id, body.refundableMinor], [payId(1), 300]);
  assert.is((await world.request(viewer, 'GET', `/v1/operator/payments/${payId(4)}`)).status, 404);
  assert.is((await world.request(viewer, 'GET', '/v1/operator/payments/not-an-id')).status, 404);
});

const refunds = suite('POST /v1/operator/payments/:id/refunds');

interface Refunded { refund: { id: string; amountMinor: number; state: string }; transaction: { state: string; refundedMinor: number }; replayed: boolean }

refunds('refunds a part, answers the same refund for the same Idempotency-Key, then the rest', async () => {
  const path = `/v1/operator/payments/${payId(2)}/refunds`;
  const first = await world.request(merchantA, 'POST', path, { body: { amountMinor: 250, reason: 'one cycle failed' }, headers: { 'idempotency-key': 'r-1' } });
  assert.is(first.status, 201);
  const a = await json<Refunded>(first);
  assert.equal([a.refund.amountMinor, a.refund.state, a.transaction.state, a.transaction.refundedMinor, a.replayed], [250, 'refunded', 'finish', 250, false]);
  const again = await world.request(merchantA, 'POST', path, { body: { amountMinor: 250, reason: 'one cycle failed' }, headers: { 'idempotency-key': 'r-1' } });
  assert.is(again.status, 200);
  assert.equal((await json<Refunded>(again)).refund.id, a.refund.id);
  const other = await world.request(merchantA, 'POST', path, { body: { amountMinor: 100, reason: 'x' }, headers: { 'idempotency-key': 'r-1' } });
  assert.equal([other.status, (await json<{ error: { code: string } }>(other)).error.code], [409, 'idempotency_key_reused']);
  const rest = await world.request(merchantA, 'POST', path, { via: 'cookie', body: { reason: 'customer complaint', clientRefundId: 'r-2' } });
  assert.is(rest.status, 201);
  const b = await json<Refunded>(rest);
  assert.equal([b.refund.amountMinor, b.transaction.state, b.transaction.refundedMinor], [750, 'refunded', 1000]);
  const more = await world.request(merchantA, 'POST', path, { body: { amountMinor: 1, reason: 'x' } });
  assert.equal([more.status, (await json<{ error: { code: string } }>(more)).error.code], [409, 'refund_exceeds_payment']);
});

refunds('needs a reason, payments.refund, the CSRF token of a session, and the merchant\'s own payment', async () => {
  const path = `/v1/operator/payments/${payId(3)}/refunds`;
  assert.is((await world.request(merchantA, 'POST', path, { body: { amountMinor: 100 } })).status, 400);
  assert.is((await world.request(viewer, 'POST', path, { body: { reason: 'x' } })).status, 403);
  assert.is((await world.request(merchantA, 'POST', path, { via: 'cookie-no-csrf', body: { reason: 'x' } })).status, 403);
  assert.is((await world.request(merchantA, 'POST', `/v1/operator/payments/${payId(4)}/refunds`, { body: { reason: 'x' } })).status, 404);
  const detail = await json<{ refunds: unknown[] }>(await world.request(platform, 'GET', `/v1/operator/payments/${payId(3)}`));
  assert.equal(detail.refunds, []);
});

query.run();
detail.run();
refunds.run();
refunds.after(() => world.cleanup());
