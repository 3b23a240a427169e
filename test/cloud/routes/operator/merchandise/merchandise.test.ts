import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { operatorWorld } from '../../../operator-fixtures.ts';

const world = await operatorWorld();
const manager = world.account({ merchantId: world.merchants.a, permissions: ['merchandise.manage'] });
const other = world.account({ merchantId: world.merchants.b, permissions: ['merchandise.manage'] });
const ITEM = { sku: 'WASH-30', name: '30 minutes wash', priceMinor: 300, currency: 'JPY', scenario: 'pay_by_time', params: { minutes: 30 } };
const code = async (res: Response) => ((await res.json()) as { error: { code: string; param: string | null } }).error;

const test = suite('/v1/operator/merchandise');

test('creates, lists, replaces and deletes a store\'s merchandise', async () => {
  const created = await world.request(manager, 'POST', '/v1/operator/merchandise', { body: { ...ITEM, storeId: world.stores.a } });
  assert.is(created.status, 201);
  const item = (await created.json()) as { id: string; scenario: string; params: unknown };
  assert.equal([item.scenario, item.params], ['pay_by_time', { minutes: 30 }]);
  const list = (await (await world.request(manager, 'GET', `/v1/operator/merchandise?storeId=${world.stores.a}`)).json()) as { data: { id: string }[] };
  assert.equal(list.data.map((m) => m.id), [item.id]);
  const put = await world.request(manager, 'PUT', `/v1/operator/merchandise/${item.id}`, { via: 'cookie', body: { ...ITEM, priceMinor: 350 } });
  assert.equal([put.status, ((await put.json()) as { priceMinor: number }).priceMinor], [200, 350]);
  assert.is((await world.request(other, 'GET', `/v1/operator/merchandise/${item.id}`)).status, 404);
  assert.is((await world.request(other, 'DELETE', `/v1/operator/merchandise/${item.id}`)).status, 404);
  assert.is((await world.request(manager, 'DELETE', `/v1/operator/merchandise/${item.id}`)).status, 204);
  assert.is((await world.request(manager, 'GET', `/v1/operator/merchandise/${item.id}`)).status, 404);
});

test('answers 409 for a SKU the store sells, 422 for an unknown currency or params that do not fit', async () => {
  await world.request(manager, 'POST', '/v1/operator/merchandise', { body: { ...ITEM, sku: 'DRY', storeId: world.stores.a } });
  const taken = await world.request(manager, 'POST', '/v1/operator/merchandise', { body: { ...ITEM, sku: 'DRY', storeId: world.stores.a } });
  assert.equal([taken.status, (await code(taken)).code], [409, 'sku_taken']);
  const currency = await world.request(manager, 'POST', '/v1/operator/merchandise', { body: { ...ITEM, sku: 'X1', currency: 'ABC', storeId: world.stores.a } });
  assert.equal([currency.status, (await code(currency)).param], [422, 'currency']);
  const params = await world.request(manager, 'POST', '/v1/operator/merchandise', { body: { ...ITEM, sku: 'X2', params: { count: 3 }, storeId: world.stores.a } });
  assert.equal([params.status, (await code(params)).code], [422, 'scenario_params_invalid']);
  const store = await world.request(other, 'POST', '/v1/operator/merchandise', { body: { ...ITEM, sku: 'X3', storeId: world.stores.a } });
  assert.equal([store.status, (await code(store)).code], [404, 'store_not_found']);
});

test.after(() => world.cleanup());
test.run();
