import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { operatorWorld } from '../../../operator-fixtures.ts';

const world = await operatorWorld();
const platform = world.account({ permissions: ['accounts.manage', 'payments.view'] });
const merchantAdmin = world.account({ merchantId: world.merchants.a, permissions: ['accounts.manage', 'payments.view'] });
const error = async (res: Response) => [res.status, ((await res.json()) as { error: { code: string } }).error.code];

const test = suite('/v1/operator/merchants');

test('a platform account creates a merchant with a unique code and changes its status', async () => {
  const created = await world.request(platform, 'POST', '/v1/operator/merchants', { body: { name: 'Bakery', code: 'C0001' } });
  assert.is(created.status, 201);
  const m = (await created.json()) as { id: string };
  assert.equal(await error(await world.request(platform, 'POST', '/v1/operator/merchants', { body: { name: 'Again', code: 'C0001' } })), [409, 'merchant_code_taken']);
  const patched = await world.request(platform, 'PATCH', `/v1/operator/merchants/${m.id}`, { body: { status: 'suspended' } });
  assert.equal(((await patched.json()) as { status: string }).status, 'suspended');
  const list = (await (await world.request(platform, 'GET', '/v1/operator/merchants')).json()) as { data: { code: string }[] };
  assert.equal(list.data.map((r) => r.code), ['C0001', 'B0001', 'A0001']);
});

test('a merchant account sees and renames only itself, and may not create merchants or change codes', async () => {
  const list = (await (await world.request(merchantAdmin, 'GET', '/v1/operator/merchants')).json()) as { data: { id: string }[] };
  assert.equal(list.data.map((r) => r.id), [world.merchants.a]);
  assert.equal(await error(await world.request(merchantAdmin, 'POST', '/v1/operator/merchants', { body: { name: 'Mine too' } })), [403, 'platform_only']);
  assert.equal(await error(await world.request(merchantAdmin, 'PATCH', `/v1/operator/merchants/${world.merchants.a}`, { body: { code: 'Z1' } })), [403, 'platform_only']);
  assert.is((await world.request(merchantAdmin, 'PATCH', `/v1/operator/merchants/${world.merchants.a}`, { body: { name: 'Laundry Corner 2' } })).status, 200);
  assert.equal(await error(await world.request(merchantAdmin, 'GET', `/v1/operator/merchants/${world.merchants.b}`)), [404, 'merchant_not_found']);
});

test.after(() => world.cleanup());
test.run();
