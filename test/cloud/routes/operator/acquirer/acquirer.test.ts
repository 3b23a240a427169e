import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { operatorWorld } from '../../../operator-fixtures.ts';

const world = await operatorWorld();
const admin = world.account({ merchantId: world.merchants.a, permissions: ['acquirers.manage'] });
const SECRET = 'gateway-secret-0123456789';
const path = `/v1/operator/acquirer-settings/${world.merchants.a}`;

const test = suite('/v1/operator/acquirer-settings/:merchantId');

test('sets a merchant\'s acquirer and answers secretSet, never the secret', async () => {
  assert.is((await world.request(admin, 'GET', path)).status, 404);
  const put = await world.request(admin, 'PUT', path, { body: { kind: 'http', settings: { baseUrl: 'https://gateway.example', merchant: 'ACQ-1' }, secret: SECRET } });
  assert.is(put.status, 200);
  const text = await (await world.request(admin, 'GET', path)).text();
  assert.not.ok(text.includes(SECRET));
  assert.equal((JSON.parse(text) as { secretSet: boolean; settings: { merchant: string } }).secretSet, true);
  const audit = (await (await world.request(world.account(), 'GET', '/v1/operator/audit?action=acquirer_settings.updated')).text());
  assert.not.ok(audit.includes(SECRET));
});

test('answers 422 for settings that make no acquirer and 404 for another merchant', async () => {
  const bad = await world.request(admin, 'PUT', path, { body: { kind: 'http', settings: { baseUrl: 'not a url', merchant: 'x' }, secret: SECRET } });
  assert.equal([bad.status, ((await bad.json()) as { error: { code: string } }).error.code], [422, 'acquirer_config_invalid']);
  assert.is((await world.request(admin, 'GET', `/v1/operator/acquirer-settings/${world.merchants.b}`)).status, 404);
});

test.after(() => world.cleanup());
test.run();
