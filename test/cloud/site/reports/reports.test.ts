import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertBothLocales, assertGated, okPage } from '../page-checks.ts';
import { MERCHANT_A } from '../site-world.ts';
import { DAY, paymentsWorld } from '../payments/payments-world.ts';

const world = paymentsWorld();
const platform = world.account({ permissions: ['payments.view'] });
const merchantA = world.account({ merchantId: MERCHANT_A, permissions: ['payments.view'] });
const test = suite('reports page');
test.after(() => world.cleanup());

const today = new Date(world.now()).toISOString().slice(0, 10);
const yesterday = new Date(world.now() - DAY).toISOString().slice(0, 10);
const chart = (html: string, id: string) => html.split(`<figure class="chart" id="${id}"`)[1]?.split('</figure>')[0] ?? '';

test('needs a session and payments.view', async () => {
  await assertGated(world, '/admin/reports', 'payments.view');
});

test('opens on the last seven days with a chart per store, box and wallet app', async () => {
  const html = await okPage(await world.get('/admin/reports', platform));
  assert.match(html, new RegExp(`name="to"[^>]*value="${today}"`));
  for (const by of ['store', 'box', 'wallet']) {
    const bars = chart(html, `chart-${by}-TWD-net`).match(/<rect class="chart-bar"/g) ?? [];
    const series = by === 'wallet' ? 1 : 2;
    assert.is(bars.length, 7 * series, `${by}: a bar per day and series`);
    assert.match(chart(html, `chart-${by}-TWD-count`), /<polyline class="chart-line"/);
  }
});

test('sums charged payments only, per day, with a totals table', async () => {
  const html = await okPage(await world.get(`/admin/reports?from=${yesterday}&to=${today}&tz=UTC`, merchantA));
  const store = chart(html, 'chart-store-TWD-net');
  assert.match(store, new RegExp(`<th scope="row">${yesterday}</th><td class="num">NT\\$125\\.50</td>`), 'the declined payment is left out');
  assert.match(store, new RegExp(`<th scope="row">${today}</th><td class="num">NT\\$300\\.00</td>`));
  assert.match(html, /<caption>Totals, Per store \(TWD\)<\/caption>/);
  assert.not.match(html, /Store of B001/, 'merchant B\'s store is not in merchant A\'s report');
});

test('lets a platform account narrow the report to one merchant', async () => {
  const html = await okPage(await world.get(`/admin/reports?merchantId=${MERCHANT_A}`, platform));
  assert.match(html, /<select id="f-merchantId" name="merchantId"/);
  assert.is(chart(html, 'chart-store-TWD-net').match(/<rect class="chart-bar"/g)?.length, 7, 'one store, merchant A\'s');
  assert.not.match(await okPage(await world.get('/admin/reports', merchantA)), /name="merchantId"/, 'a merchant account has no choice');
});

test('says so when the period has no payments', async () => {
  const html = await okPage(await world.get('/admin/reports?from=2020-01-01&to=2020-01-02', platform));
  assert.match(html, /No payments in this period/);
});

test('shows a range or time zone it cannot use as a form error', async () => {
  const backwards = await okPage(await world.get(`/admin/reports?from=${today}&to=${yesterday}`, platform));
  assert.match(backwards, /The report cannot be made/);
  const zone = await okPage(await world.get('/admin/reports?tz=Mars/Olympus', platform));
  assert.match(zone, /href="#f-tz"/);
});

test('renders in both locales', async () => {
  const zh = world.account({ permissions: ['payments.view'], locale: 'zh-TW' });
  const html = await assertBothLocales(world, '/admin/reports', platform, zh);
  for (const label of ['交易報表', '各門市', '每日淨額']) assert.match(html, label);
});

test.run();
