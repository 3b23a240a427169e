import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { merchandise } from '../../../../cloud/db/schema/index.ts';
import { accessibilityProblems } from '../a11y.ts';
import { assertBothLocales, assertGated, okPage } from '../page-checks.ts';
import { MERCHANT_A, MERCHANT_B, siteWorld } from '../site-world.ts';

const world = siteWorld();
const manager = world.account({ merchantId: MERCHANT_A, permissions: ['merchandise.manage'] });
const storeA = `s_${MERCHANT_A}`;
const storeB = `s_${MERCHANT_B}`;
world.db.insert(merchandise).values({
  id: 'g_b', storeId: storeB, sku: 'CRANE-1', name: 'One crane play', priceMinor: 1000, currency: 'TWD', scenarioParams: { scenario: 'pay_by_count', count: 1 }, createdAt: 1,
}).run();
const test = suite('merchandise pages');
test.after(() => world.cleanup());

const valid = { storeId: storeA, sku: 'WASH-30', name: '30 minutes wash', price: '30', currency: 'twd', scenario: 'pay_by_time', params: '{"minutes": 30}' };
const row = (sku: string) => world.db.select({ id: merchandise.id, price: merchandise.priceMinor, currency: merchandise.currency, params: merchandise.scenarioParams })
  .from(merchandise).where(eq(merchandise.sku, sku)).get();

test('needs a session and merchandise.manage', async () => {
  await assertGated(world, '/admin/merchandise', 'merchandise.manage');
  await assertGated(world, '/admin/merchandise/new', 'merchandise.manage');
});

test('creates merchandise with the price in the currency\'s units and checked scenario parameters', async () => {
  const res = await world.post('/admin/merchandise', manager, valid);
  assert.is(res.status, 303);
  assert.is(res.headers.get('location'), `/admin/merchandise?storeId=${storeA}&done=created`);
  const saved = row('WASH-30');
  assert.equal({ price: saved?.price, currency: saved?.currency }, { price: 3000, currency: 'TWD' });
  assert.equal(saved?.params, { scenario: 'pay_by_time', minutes: 30 });
  const list = await okPage(await world.get(`/admin/merchandise?storeId=${storeA}&done=created`, manager));
  assert.match(list, /Merchandise created\./);
  assert.match(list, /NT\$30\.00/);
});

test('keeps the form and names the field when the price, parameters or SKU are wrong', async () => {
  for (const [change, field] of [[{ price: '3.999' }, 'price'], [{ params: '[1]' }, 'params'], [{ params: '{"hours": 2}' }, 'params'], [{ sku: 'WASH-30' }, 'sku']] as const) {
    const res = await world.post('/admin/merchandise', manager, { ...valid, ...change });
    assert.is(res.status, 422, JSON.stringify(change));
    const html = await res.text();
    assert.match(html, `href="#f-${field}"`);
    assert.match(html, /value="30 minutes wash"/);
    assert.equal(accessibilityProblems(html), []);
  }
});

test('edits an item, showing its price back in the currency\'s units', async () => {
  const id = row('WASH-30')!.id;
  const form = await okPage(await world.get(`/admin/merchandise/${id}`, manager));
  assert.match(form, /name="price"[^>]*value="30\.00"/);
  const res = await world.post(`/admin/merchandise/${id}`, manager, { ...valid, price: '35.5', params: '{"minutes": 35}' });
  assert.is(res.status, 303);
  assert.is(row('WASH-30')?.price, 3550);
});

test('deletes an item', async () => {
  const id = row('WASH-30')!.id;
  const res = await world.post(`/admin/merchandise/${id}/delete`, manager, {});
  assert.is(res.status, 303);
  assert.is(row('WASH-30'), undefined);
});

test('answers another merchant\'s store and items as not found', async () => {
  assert.is((await world.get(`/admin/merchandise?storeId=${storeB}`, manager)).status, 404);
  assert.is((await world.get('/admin/merchandise/g_b', manager)).status, 404);
  assert.is((await world.post('/admin/merchandise/g_b/delete', manager, {})).status, 404);
  assert.is((await world.post('/admin/merchandise', manager, { ...valid, storeId: storeB, sku: 'X' })).status, 422);
  assert.ok(row('CRANE-1'), 'merchant B\'s item is untouched');
  assert.is(row('X'), undefined);
});

test('renders the list and the form in both locales', async () => {
  const zh = world.account({ merchantId: MERCHANT_A, permissions: ['merchandise.manage'], locale: 'zh-TW' });
  assert.match(await assertBothLocales(world, '/admin/merchandise', manager, zh), '商品管理');
  assert.match(await assertBothLocales(world, '/admin/merchandise/new', manager, zh), '情境參數（JSON）');
});

test.run();
