import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { boxes } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { queryTransactions, type TransactionFilter } from '../../../../cloud/services/payment-admin/index.ts';
import { BOX_A, BOX_A2, BOX_B, DAY, MERCHANT_A, MERCHANT_B, PLATFORM, T0, adminWorld, principal } from './world.ts';

async function seeded() {
  const w = adminWorld();
  await w.pay({ id: 'pay_a1', createdAt: T0, amountMinor: 300, txnId: 0x1234 });
  await w.pay({ id: 'pay_a2', createdAt: T0 + DAY, amountMinor: 1200, wallet: 'wa_two', state: 'refunded' });
  await w.pay({ id: 'pay_a3', createdAt: T0 + 2 * DAY, amountMinor: 500, box: BOX_A2, currency: 'USD', state: 'declined' });
  await w.pay({ id: 'pay_b1', createdAt: T0 + DAY, amountMinor: 700, box: BOX_B });
  return w;
}

const ids = (w: Awaited<ReturnType<typeof seeded>>, filter: TransactionFilter, who = PLATFORM) =>
  queryTransactions(w.db, who, filter, { limit: 200 }).data.map((r) => r.id);

const test = suite('queryTransactions');

test('lists every visible payment newest first with its merchant, store, machine, wallet app and merchandise', async () => {
  const w = await seeded();
  const page = queryTransactions(w.db, PLATFORM, {});
  assert.equal(page.data.map((r) => r.id), ['pay_a3', 'pay_b1', 'pay_a2', 'pay_a1']);
  assert.is(page.nextCursor, null);
  const a1 = page.data.at(-1)!;
  assert.equal(a1.merchant, { id: 'm_a', name: 'Laundry Corner', code: 'A0001' });
  assert.equal(a1.store, { id: 's_a', name: 'Main Street' });
  assert.equal(a1.box, { id: BOX_A, machineName: 'Washer 1' });
  assert.equal(a1.walletApp, { id: 'wa_one', name: 'Pay One' });
  assert.equal(a1.merchandise, { sku: 'WASH-30', name: '30 minutes wash' });
  assert.is(a1.txnId, '0000000000001234');
  assert.is(page.data[0]!.merchandise, null);
  w.database.close();
});

test('narrows by each filter on its own', async () => {
  const w = await seeded();
  assert.equal(ids(w, { merchantId: 'm_b' }), ['pay_b1']);
  assert.equal(ids(w, { merchantCode: 'A0001' }), ['pay_a3', 'pay_a2', 'pay_a1']);
  assert.equal(ids(w, { merchantName: 'laundry' }), ['pay_a3', 'pay_a2', 'pay_a1'], 'any case, part of the name');
  assert.equal(ids(w, { merchantName: '100%_' }), ['pay_b1'], '% and _ match themselves');
  assert.equal(ids(w, { merchantName: '%' }), ['pay_b1']);
  assert.equal(ids(w, { storeId: 's_a2' }), ['pay_a3']);
  assert.equal(ids(w, { boxId: BOX_A }), ['pay_a2', 'pay_a1']);
  assert.equal(ids(w, { walletAppId: 'wa_two' }), ['pay_a2']);
  assert.equal(ids(w, { states: ['refunded', 'declined'] }), ['pay_a3', 'pay_a2']);
  assert.equal(ids(w, { from: T0 + DAY }), ['pay_a3', 'pay_b1', 'pay_a2'], 'from is inclusive');
  assert.equal(ids(w, { to: T0 + DAY }), ['pay_a1'], 'to is exclusive');
  assert.equal(ids(w, { minAmount: 500 }), ['pay_a3', 'pay_b1', 'pay_a2'], 'minAmount is inclusive');
  assert.equal(ids(w, { maxAmount: 500 }), ['pay_a3', 'pay_a1'], 'maxAmount is inclusive');
  assert.equal(ids(w, { currency: 'USD' }), ['pay_a3']);
  assert.equal(ids(w, { txnId: 0x1234 }), ['pay_a1']);
  assert.equal(ids(w, { paymentId: 'pay_b1' }), ['pay_b1']);
  assert.equal(ids(w, { merchantId: 'm_a', minAmount: 400, maxAmount: 1000 }), ['pay_a3'], 'filters combine');
  w.database.close();
});

test('keeps a merchant account to its own payments, whatever it filters by', async () => {
  const w = await seeded();
  assert.equal(ids(w, {}, MERCHANT_A), ['pay_a3', 'pay_a2', 'pay_a1']);
  assert.equal(ids(w, { merchantId: 'm_b' }, MERCHANT_A), []);
  assert.equal(ids(w, { paymentId: 'pay_b1' }, MERCHANT_A), []);
  assert.equal(ids(w, { boxId: BOX_B }, MERCHANT_A), []);
  w.database.close();
});

test('refuses an account without payments.view and a cursor it did not hand out', async () => {
  const w = await seeded();
  assert.throws(() => queryTransactions(w.db, principal(null, ['boxes.view']), {}), (e: unknown) => e instanceof CloudError && e.code === 'permission_denied');
  assert.throws(() => queryTransactions(w.db, PLATFORM, {}, { cursor: 'bm90IGEgY3Vyc29y' }), (e: unknown) => e instanceof CloudError && e.code === 'cursor_invalid');
  w.database.close();
});

test('pages through payments sharing one timestamp without a repeat or a gap, whatever the page size', async () => {
  const w = adminWorld();
  for (let i = 0; i < 23; i++) await w.pay({ id: `pay_${String(i).padStart(2, '0')}`, createdAt: T0 + (i % 3 === 0 ? 0 : i) });
  const all = queryTransactions(w.db, PLATFORM, {}, { limit: 200 }).data.map((r) => r.id);
  assert.is(all.length, 23);
  fc.assert(fc.property(fc.integer({ min: 1, max: 24 }), (limit) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 30; pages++) {
      const page = queryTransactions(w.db, PLATFORM, {}, { limit, ...(cursor === undefined ? {} : { cursor }) });
      seen.push(...page.data.map((r) => r.id));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    assert.equal(seen, all);
  }), { numRuns: 24 });
  w.database.close();
});

test('a page boundary holds while newer payments arrive', async () => {
  const w = adminWorld();
  for (let i = 0; i < 6; i++) await w.pay({ id: `pay_${i}`, createdAt: T0 });
  const first = queryTransactions(w.db, PLATFORM, {}, { limit: 3 });
  await w.pay({ id: 'pay_9', createdAt: T0 + 1 });
  await w.pay({ id: 'pay_55', createdAt: T0 });
  const second = queryTransactions(w.db, PLATFORM, {}, { limit: 3, cursor: first.nextCursor! });
  assert.equal(first.data.map((r) => r.id), ['pay_5', 'pay_4', 'pay_3']);
  assert.equal(second.data.map((r) => r.id), ['pay_2', 'pay_1', 'pay_0']);
  w.database.close();
});

test('reads through an index for the box, wallet app, store and merchant filters', async () => {
  const w = await seeded();
  const plan = (where: string) => w.database.db.all<{ detail: string }>(sql.raw(`explain query plan select p.id from payments p
    join boxes b on b.id = p.box_id join stores s on s.id = b.store_id join merchants m on m.id = s.merchant_id
    where ${where} order by p.created_at desc, p.id desc limit 51`)).map((r) => r.detail).join('\n');
  assert.match(plan(`p.box_id = '${BOX_A}'`), /payments_box_created_idx/);
  assert.match(plan('p.wallet_app_id = \'wa_one\''), /payments_wallet_created_idx/);
  assert.match(plan('b.store_id = \'s_a\''), /boxes_store_idx/);
  assert.match(plan('s.merchant_id = \'m_a\''), /stores_merchant_idx/);
  w.database.close();
});

test('keeps a payment with the merchant and store it was made at after its box moves to another merchant', async () => {
  const w = await seeded();
  w.db.update(boxes).set({ storeId: 's_b', merchantId: 'm_b' }).where(eq(boxes.id, BOX_A)).run();
  assert.equal(ids(w, {}, MERCHANT_A), ['pay_a3', 'pay_a2', 'pay_a1']);
  assert.equal(ids(w, {}, MERCHANT_B), ['pay_b1']);
  assert.equal(ids(w, { storeId: 's_a' }), ['pay_a2', 'pay_a1']);
  assert.equal(ids(w, { storeId: 's_b' }), ['pay_b1']);
  const a1 = queryTransactions(w.db, MERCHANT_A, { paymentId: 'pay_a1' }).data[0]!;
  assert.equal([a1.merchant.id, a1.store.id, a1.box.id], ['m_a', 's_a', BOX_A]);
  w.database.close();
});

test.run();
