import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { auditLog, merchandise } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import {
  createMerchandise, deleteMerchandise, getMerchandise, listMerchandise, updateMerchandise, type MerchandiseInput,
} from '../../../../cloud/services/payment-admin/index.ts';
import { MERCHANT_A, MERCHANT_B, T0, adminWorld, principal } from './world.ts';

const code = (c: string) => (e: unknown) => e instanceof CloudError && e.code === c;
const DRY: MerchandiseInput = { sku: 'DRY-10', name: '10 minutes dryer', priceMinor: 100, currency: 'JPY', scenario: 'pay_by_time', params: { minutes: 10, outputIndex: 1 } };

const test = suite('merchandise');

test('creates, reads, lists, replaces and deletes an item, auditing each change with its merchant', () => {
  const w = adminWorld();
  const created = createMerchandise(w.db, MERCHANT_A, { ...DRY, storeId: 's_a' }, T0);
  assert.equal({ ...created, id: 'x' }, { id: 'x', storeId: 's_a', ...DRY, createdAt: T0 });
  assert.equal(getMerchandise(w.db, MERCHANT_A, created.id), created);
  assert.equal(listMerchandise(w.db, MERCHANT_A, 's_a').data.map((m) => m.sku), ['DRY-10', 'WASH-30']);
  const seeded = listMerchandise(w.db, MERCHANT_A, 's_a').data[1]!;
  assert.equal([seeded.scenario, seeded.params], [null, { minutes: 30 }], 'a row written without a scenario shows its params as stored');
  const updated = updateMerchandise(w.db, MERCHANT_A, created.id, { ...DRY, priceMinor: 150, name: 'Dryer' }, T0 + 1);
  assert.equal([updated.priceMinor, updated.name], [150, 'Dryer']);
  deleteMerchandise(w.db, MERCHANT_A, created.id, T0 + 2);
  assert.throws(() => getMerchandise(w.db, MERCHANT_A, created.id), code('merchandise_not_found'));
  const audit = w.db.select().from(auditLog).all();
  assert.equal(audit.map((r) => [r.action, JSON.parse(r.data).merchantId]), [['merchandise.created', 'm_a'], ['merchandise.updated', 'm_a'], ['merchandise.deleted', 'm_a']]);
  w.database.close();
});

test('stores the params the machine needs, checked for the scenario', () => {
  const w = adminWorld();
  const locker = createMerchandise(w.db, MERCHANT_A, { ...DRY, sku: 'L-1', scenario: 'once_locker', params: { hours: 2 }, storeId: 's_a' }, T0);
  assert.equal(w.db.select({ p: merchandise.scenarioParams }).from(merchandise).all().find((r) => r.p.scenario === 'once_locker')!.p, { scenario: 'once_locker', hours: 2 });
  assert.equal(locker.params, { hours: 2 });
  const bad = (scenario: MerchandiseInput['scenario'], params: Record<string, unknown>) =>
    () => createMerchandise(w.db, MERCHANT_A, { ...DRY, sku: 'BAD', scenario, params, storeId: 's_a' }, T0);
  assert.throws(bad('pay_by_time', {}), code('scenario_params_invalid'));
  assert.throws(bad('pay_by_time', { minutes: 10, minuets: 5 }), code('scenario_params_invalid'));
  assert.throws(bad('pay_by_count', { count: 0 }), code('scenario_params_invalid'));
  assert.throws(bad('pay_by_time', { minutes: 10, outputIndex: 4 }), code('scenario_params_invalid'));
  assert.throws(bad('digital_interface', { machineSku: -1 }), code('scenario_params_invalid'));
  assert.throws(bad('merchant_counter', { minutes: 1 }), code('scenario_params_invalid'));
  w.database.close();
});

test('keeps SKUs unique per store and refuses bad prices, currencies and SKUs', () => {
  const w = adminWorld();
  const dry = createMerchandise(w.db, MERCHANT_A, { ...DRY, storeId: 's_a' }, T0);
  assert.throws(() => createMerchandise(w.db, MERCHANT_A, { ...DRY, storeId: 's_a' }, T0), code('sku_taken'));
  createMerchandise(w.db, MERCHANT_A, { ...DRY, storeId: 's_a2' }, T0);
  assert.throws(() => updateMerchandise(w.db, MERCHANT_A, dry.id, { ...DRY, sku: 'WASH-30' }, T0), code('sku_taken'));
  updateMerchandise(w.db, MERCHANT_A, dry.id, DRY, T0);
  assert.throws(() => createMerchandise(w.db, MERCHANT_A, { ...DRY, sku: 'X', currency: 'XXX', storeId: 's_a' }, T0), code('currency_unsupported'));
  assert.throws(() => createMerchandise(w.db, MERCHANT_A, { ...DRY, sku: 'X', priceMinor: -1, storeId: 's_a' }, T0), code('price_invalid'));
  assert.throws(() => createMerchandise(w.db, MERCHANT_A, { ...DRY, sku: 'X', priceMinor: 1.5, storeId: 's_a' }, T0), code('price_invalid'));
  assert.throws(() => createMerchandise(w.db, MERCHANT_A, { ...DRY, sku: 'two words', storeId: 's_a' }, T0), code('sku_invalid'));
  w.database.close();
});

test('answers another merchant\'s store and items as not found and needs merchandise.manage', () => {
  const w = adminWorld();
  const dry = createMerchandise(w.db, MERCHANT_A, { ...DRY, storeId: 's_a' }, T0);
  assert.throws(() => createMerchandise(w.db, MERCHANT_B, { ...DRY, storeId: 's_a' }, T0), code('store_not_found'));
  assert.throws(() => listMerchandise(w.db, MERCHANT_B, 's_a'), code('store_not_found'));
  assert.throws(() => getMerchandise(w.db, MERCHANT_B, dry.id), code('merchandise_not_found'));
  assert.throws(() => updateMerchandise(w.db, MERCHANT_B, dry.id, DRY, T0), code('merchandise_not_found'));
  assert.throws(() => deleteMerchandise(w.db, MERCHANT_B, dry.id, T0), code('merchandise_not_found'));
  assert.throws(() => listMerchandise(w.db, principal('m_a', ['payments.view']), 's_a'), code('permission_denied'));
  assert.is(getMerchandise(w.db, MERCHANT_A, dry.id).priceMinor, 100);
  w.database.close();
});

test.run();
