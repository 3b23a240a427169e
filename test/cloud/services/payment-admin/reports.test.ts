import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { boxes } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { dailyReport, refundTransaction } from '../../../../cloud/services/payment-admin/index.ts';
import { BOX_A, BOX_A2, BOX_B, DAY, MERCHANT_A, PLATFORM, T0, adminWorld, principal } from './world.ts';

const HOUR = 3_600_000;

async function seeded() {
  const w = adminWorld();
  await w.pay({ id: 'pay_1', createdAt: T0 + 10 * HOUR, amountMinor: 300 });
  await w.pay({ id: 'pay_2', createdAt: T0 + 20 * HOUR, amountMinor: 1000, wallet: 'wa_two' });
  await w.pay({ id: 'pay_3', createdAt: T0 + DAY + HOUR, amountMinor: 500, box: BOX_A2 });
  await w.pay({ id: 'pay_4', createdAt: T0 + DAY + HOUR, amountMinor: 700, box: BOX_B });
  await w.pay({ id: 'pay_5', createdAt: T0 + 5 * HOUR, amountMinor: 900, state: 'declined' });
  await refundTransaction(w.deps, PLATFORM, { paymentId: 'pay_2', amountMinor: 400, reason: 'x' });
  return w;
}

const test = suite('dailyReport');

test('sums charged payments per store and day, with refunds and net, and zeros for quiet days', async () => {
  const w = await seeded();
  const r = dailyReport(w.db, PLATFORM, { from: '2026-03-01', to: '2026-03-03', by: 'store' });
  assert.equal(r.dates, ['2026-03-01', '2026-03-02', '2026-03-03']);
  assert.equal(r.series.map((s) => [s.key.name, s.currency, s.total.count, s.total.amountMinor, s.total.refundedMinor, s.total.netMinor]), [
    ['Harbour', 'JPY', 1, 500, 0, 500], ['Main Street', 'JPY', 2, 1300, 400, 900], ['Pier', 'JPY', 1, 700, 0, 700],
  ]);
  const main = r.series.find((s) => s.key.id === 's_a')!;
  assert.equal(main.days.map((d) => [d.date, d.count, d.netMinor]), [['2026-03-01', 2, 900], ['2026-03-02', 0, 0], ['2026-03-03', 0, 0]]);
  w.database.close();
});

test('counts days in the time zone it is given', async () => {
  const w = await seeded();
  const taipei = dailyReport(w.db, PLATFORM, { from: '2026-03-01', to: '2026-03-02', by: 'store', tz: 'Asia/Taipei', storeId: 's_a' });
  assert.equal(taipei.series[0]!.days.map((d) => [d.date, d.count]), [['2026-03-01', 1], ['2026-03-02', 1]], '20:00 UTC is the next morning in Taipei');
  w.database.close();
});

test('groups by box (named by machine, else id) and by wallet app', async () => {
  const w = await seeded();
  const boxes = dailyReport(w.db, MERCHANT_A, { from: '2026-03-01', to: '2026-03-02', by: 'box' });
  assert.equal(boxes.series.map((s) => [s.key.id, s.key.name, s.total.count]), [[BOX_A2, BOX_A2, 1], [BOX_A, 'Washer 1', 2]]);
  const wallets = dailyReport(w.db, MERCHANT_A, { from: '2026-03-01', to: '2026-03-02', by: 'wallet' });
  assert.equal(wallets.series.map((s) => [s.key.name, s.total.amountMinor]), [['Pay One', 800], ['Pay Two', 1000]]);
  w.database.close();
});

test('keeps a merchant to its own series and refuses bad ranges, zones and missing permission', async () => {
  const w = await seeded();
  const mine = dailyReport(w.db, MERCHANT_A, { from: '2026-03-01', to: '2026-03-02', by: 'store', merchantId: 'm_b' });
  assert.equal(mine.series, []);
  const code = (c: string) => (e: unknown) => e instanceof CloudError && e.code === c;
  assert.throws(() => dailyReport(w.db, PLATFORM, { from: '2026-03-02', to: '2026-03-01', by: 'store' }), code('range_invalid'));
  assert.throws(() => dailyReport(w.db, PLATFORM, { from: '2025-01-01', to: '2026-03-01', by: 'store' }), code('range_too_long'));
  assert.throws(() => dailyReport(w.db, PLATFORM, { from: '2026-3-1', to: '2026-03-01', by: 'store' }), code('date_invalid'));
  assert.throws(() => dailyReport(w.db, PLATFORM, { from: '2026-03-01', to: '2026-03-01', by: 'store', tz: 'Nowhere' }), code('tz_invalid'));
  assert.throws(() => dailyReport(w.db, principal(null, ['boxes.view']), { from: '2026-03-01', to: '2026-03-01', by: 'store' }), code('permission_denied'));
  w.database.close();
});

test('counts a payment in the store it was made at after its box moves to another store', async () => {
  const w = await seeded();
  w.db.update(boxes).set({ storeId: 's_a2' }).where(eq(boxes.id, BOX_A)).run();
  const r = dailyReport(w.db, MERCHANT_A, { from: '2026-03-01', to: '2026-03-02', by: 'store' });
  assert.equal(r.series.map((s) => [s.key.id, s.total.count]), [['s_a2', 1], ['s_a', 2]]);
  assert.is(dailyReport(w.db, MERCHANT_A, { from: '2026-03-01', to: '2026-03-02', by: 'store', storeId: 's_a2' }).series[0]!.total.count, 1);
  w.database.close();
});

test.run();
