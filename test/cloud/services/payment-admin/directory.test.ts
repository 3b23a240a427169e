import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { auditLog } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import {
  createMerchant, createStore, getMerchant, getStore, listMerchants, listStores, renameStore, updateMerchant,
} from '../../../../cloud/services/payment-admin/index.ts';
import { MERCHANT_A, MERCHANT_B, PLATFORM, T0, adminWorld, principal } from './world.ts';

const code = (c: string) => (e: unknown) => e instanceof CloudError && e.code === c;

const merchantsSuite = suite('merchants');

merchantsSuite('a platform account creates merchants with unique codes; a merchant account cannot', () => {
  const w = adminWorld();
  const m = createMerchant(w.db, PLATFORM, { name: ' Bakery ', code: 'C0001' }, T0);
  assert.equal({ ...m, id: 'x' }, { id: 'x', name: 'Bakery', code: 'C0001', status: 'active', createdAt: T0 });
  assert.throws(() => createMerchant(w.db, PLATFORM, { name: 'Other', code: 'C0001' }, T0), code('merchant_code_taken'));
  assert.throws(() => createMerchant(w.db, PLATFORM, { name: 'Other', code: 'has space' }, T0), code('merchant_code_invalid'));
  assert.throws(() => createMerchant(w.db, MERCHANT_A, { name: 'Mine too' }, T0), code('platform_only'));
  assert.throws(() => createMerchant(w.db, principal(null, ['payments.view']), { name: 'X' }, T0), code('permission_denied'));
  assert.equal(listMerchants(w.db, PLATFORM).data.map((r) => r.name), ['Bakery', 'Arcade 100%_Fun', 'Laundry Corner']);
  assert.equal(JSON.parse(w.db.select().from(auditLog).all()[0]!.data).merchantId, m.id);
  w.database.close();
});

merchantsSuite('a merchant account sees and renames only its own merchant; code and status are the platform\'s', () => {
  const w = adminWorld();
  assert.equal(listMerchants(w.db, MERCHANT_A).data.map((r) => r.id), ['m_a']);
  assert.throws(() => getMerchant(w.db, MERCHANT_A, 'm_b'), code('merchant_not_found'));
  assert.is(updateMerchant(w.db, MERCHANT_A, 'm_a', { name: 'Laundry Corner 2' }, T0).name, 'Laundry Corner 2');
  assert.throws(() => updateMerchant(w.db, MERCHANT_A, 'm_b', { name: 'Mine' }, T0), code('merchant_not_found'));
  assert.throws(() => updateMerchant(w.db, MERCHANT_A, 'm_a', { status: 'closed' }, T0), code('platform_only'));
  assert.equal(updateMerchant(w.db, PLATFORM, 'm_a', { code: null, status: 'suspended' }, T0), { ...getMerchant(w.db, PLATFORM, 'm_a'), code: null, status: 'suspended' });
  assert.throws(() => updateMerchant(w.db, PLATFORM, 'm_a', { code: 'B0001' }, T0), code('merchant_code_taken'));
  w.database.close();
});

const storesSuite = suite('stores');

storesSuite('a merchant account opens and renames stores of its own merchant only', () => {
  const w = adminWorld();
  const s = createStore(w.db, MERCHANT_A, { name: 'Airport' }, T0);
  assert.equal([s.merchantId, s.name], ['m_a', 'Airport']);
  assert.throws(() => createStore(w.db, MERCHANT_A, { merchantId: 'm_b', name: 'Sneaky' }, T0), code('merchant_not_found'));
  assert.throws(() => createStore(w.db, PLATFORM, { name: 'Whose?' }, T0), code('merchant_required'));
  assert.is(createStore(w.db, PLATFORM, { merchantId: 'm_b', name: 'Beach' }, T0).merchantId, 'm_b');
  assert.is(renameStore(w.db, MERCHANT_A, s.id, { name: 'Airport T2' }, T0).name, 'Airport T2');
  assert.throws(() => renameStore(w.db, MERCHANT_B, s.id, { name: 'Mine' }, T0), code('store_not_found'));
  assert.throws(() => getStore(w.db, MERCHANT_B, s.id), code('store_not_found'));
  assert.throws(() => createStore(w.db, principal('m_a', ['boxes.view']), { name: 'X' }, T0), code('permission_denied'));
  assert.equal(listStores(w.db, MERCHANT_A).data.map((r) => r.name), ['Airport T2', 'Harbour', 'Main Street']);
  assert.equal(listStores(w.db, PLATFORM, { merchantId: 'm_b' }).data.map((r) => r.name), ['Beach', 'Pier']);
  const audit = w.db.select().from(auditLog).all().map((r) => [r.action, JSON.parse(r.data).merchantId]);
  assert.equal(audit, [['store.created', 'm_a'], ['store.created', 'm_b'], ['store.renamed', 'm_a']]);
  w.database.close();
});

merchantsSuite.run();
storesSuite.run();
