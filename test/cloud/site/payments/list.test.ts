import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertBothLocales, assertGated, okPage } from '../page-checks.ts';
import { walletApps } from '../../../../cloud/db/schema/index.ts';
import { MERCHANT_A, MERCHANT_B } from '../site-world.ts';
import { BOX_B, paymentsWorld } from './payments-world.ts';

const world = paymentsWorld();
const platform = world.account({ permissions: ['payments.view'] });
const merchantA = world.account({ merchantId: MERCHANT_A, permissions: ['payments.view'] });
const test = suite('transaction query page');
test.after(() => world.cleanup());

const ids = (html: string) => [...html.matchAll(/href="\/admin\/payments\/(pay_\w+)"/g)].map((m) => m[1]);

test('needs a session and payments.view', async () => {
  await assertGated(world, '/admin/payments', 'payments.view');
});

test('lists every merchant\'s payments newest first for a platform account', async () => {
  const html = await okPage(await world.get('/admin/payments', platform));
  assert.equal(ids(html), ['pay_b1', 'pay_a1', 'pay_a3', 'pay_a2']);
  assert.match(html, /NT\$300\.00/);
});

test('shows a merchant account only its own payments', async () => {
  assert.equal(ids(await okPage(await world.get('/admin/payments', merchantA))), ['pay_a1', 'pay_a3', 'pay_a2']);
});

test('filters by merchant code, amount range in the currency\'s units and state', async () => {
  const byCode = await okPage(await world.get('/admin/payments?merchantCode=B001', platform));
  assert.equal(ids(byCode), ['pay_b1']);
  const byAmount = await okPage(await world.get('/admin/payments?amountFrom=100&amountTo=300.00&currency=twd', platform));
  assert.equal(ids(byAmount), ['pay_a1', 'pay_a2']);
  const declined = await okPage(await world.get('/admin/payments?state=declined', platform));
  assert.equal(ids(declined), ['pay_a3']);
});

test('filters by a date range of whole days', async () => {
  const yesterday = new Date(world.now() - 86_400_000).toISOString().slice(0, 10);
  const html = await okPage(await world.get(`/admin/payments?from=${yesterday}&to=${yesterday}`, platform));
  assert.equal(ids(html), ['pay_a3', 'pay_a2']);
  assert.match(html, new RegExp(`value="${yesterday}"`), 'the form keeps the search');
});

test('pages with a cursor link that keeps the filters', async () => {
  const first = await okPage(await world.get('/admin/payments?merchantName=Merchant&limit=2', platform));
  const next = /href="([^"]*cursor=[^"]+)" rel="next"/.exec(first)?.[1]?.replaceAll('&amp;', '&');
  assert.ok(next, 'a next-page link');
  assert.match(next, /merchantName=Merchant/);
  const page2 = await okPage(await world.get(`${next}&limit=2`, platform));
  assert.equal(ids(page2), ['pay_a3', 'pay_a2']);
});

test('explains a search it cannot run instead of failing', async () => {
  const noCurrency = await okPage(await world.get('/admin/payments?amountFrom=5', platform));
  assert.match(noCurrency, /Choose a currency to search by amount/);
  assert.match(noCurrency, /href="#f-amountFrom"/);
  const badCursor = await okPage(await world.get('/admin/payments?cursor=nonsense', platform));
  assert.match(badCursor, /The search cannot be run/);
});

test('filters by store, box id (either case) and wallet app', async () => {
  assert.equal(ids(await okPage(await world.get(`/admin/payments?storeId=s_${MERCHANT_B}`, platform))), ['pay_b1']);
  assert.equal(ids(await okPage(await world.get(`/admin/payments?boxId=${BOX_B.toUpperCase()}`, platform))), ['pay_b1']);
  const app = world.db.select({ id: walletApps.id }).from(walletApps).get()!;
  assert.equal(ids(await okPage(await world.get(`/admin/payments?walletAppId=${app.id}&state=declined`, platform))), ['pay_a3']);
  assert.equal(ids(await okPage(await world.get('/admin/payments?walletAppId=wa_none', platform))), []);
});

test('offers a merchant account its own stores only, and another merchant\'s store finds nothing', async () => {
  const html = await okPage(await world.get('/admin/payments', merchantA));
  assert.match(html, `<option value="s_${MERCHANT_A}">Store of A001</option>`);
  assert.not.match(html, `s_${MERCHANT_B}`);
  assert.match(html, '>Pay App</option>');
  assert.equal(ids(await okPage(await world.get(`/admin/payments?storeId=s_${MERCHANT_B}`, merchantA))), []);
  assert.match(await okPage(await world.get('/admin/payments', platform)), `<option value="s_${MERCHANT_B}">Store of B001 — `);
});

test('names a box id that is not 16 hex digits on its field instead of searching', async () => {
  const html = await okPage(await world.get('/admin/payments?boxId=b0b0', platform));
  assert.match(html, 'A box id is 16 hex digits');
  assert.match(html, /href="#f-boxId"/);
  assert.equal(ids(html), []);
});

test('links the CSV export with the same filters', async () => {
  const html = await okPage(await world.get('/admin/payments?merchantCode=A001&state=finish', platform));
  assert.match(html, /href="\/admin\/payments\/export\.csv\?merchantCode=A001&amp;state=finish"/);
});

test('renders in both locales with the seed\'s Chinese labels', async () => {
  const zh = world.account({ permissions: ['payments.view'], locale: 'zh-TW' });
  const html = await assertBothLocales(world, '/admin/payments', platform, zh);
  for (const label of ['交易記錄查詢', '商戶名稱', '商戶代碼', '門市', '設備編號', '錢包 App', '交易日期（起）', '交易金額（最低）', '查看詳情']) assert.match(html, label);
});

test.run();
