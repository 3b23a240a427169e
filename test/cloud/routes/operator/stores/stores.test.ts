import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { operatorWorld } from '../../../operator-fixtures.ts';

const world = await operatorWorld();
const manager = world.account({ merchantId: world.merchants.a, permissions: ['boxes.manage', 'boxes.view'] });
const platform = world.account({ permissions: ['boxes.manage', 'boxes.view'] });

const test = suite('/v1/operator/stores');

test('a merchant account opens and renames its stores; a platform account names the merchant', async () => {
  const created = await world.request(manager, 'POST', '/v1/operator/stores', { body: { name: 'Airport' } });
  assert.is(created.status, 201);
  const store = (await created.json()) as { id: string; merchantId: string };
  assert.is(store.merchantId, world.merchants.a);
  const renamed = await world.request(manager, 'PATCH', `/v1/operator/stores/${store.id}`, { body: { name: 'Airport T2' } });
  assert.equal(((await renamed.json()) as { name: string }).name, 'Airport T2');
  const list = (await (await world.request(manager, 'GET', '/v1/operator/stores')).json()) as { data: { name: string }[] };
  assert.equal(list.data.map((s) => s.name), ['Airport T2', 'Main Street']);
  const whose = await world.request(platform, 'POST', '/v1/operator/stores', { body: { name: 'Nobody\'s' } });
  assert.equal([whose.status, ((await whose.json()) as { error: { code: string } }).error.code], [400, 'merchant_required']);
  assert.is((await world.request(platform, 'POST', '/v1/operator/stores', { body: { name: 'Beach', merchantId: world.merchants.b } })).status, 201);
  assert.is((await world.request(manager, 'GET', `/v1/operator/stores/${world.stores.b}`)).status, 404);
  assert.is((await world.request(manager, 'PATCH', `/v1/operator/stores/${world.stores.b}`, { body: { name: 'Mine' } })).status, 404);
});

test.after(() => world.cleanup());
test.run();
