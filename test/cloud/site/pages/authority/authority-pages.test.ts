import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { accounts, apiKeys, departments, rolePermissions, roles } from '../../../../../cloud/db/schema/index.ts';
import { createDepartment } from '../../../../../cloud/services/authority/index.ts';
import { accessibilityProblems } from '../../a11y.ts';
import { assertBothLocales, assertGated, okPage } from '../../page-checks.ts';
import { MERCHANT_A, MERCHANT_B, siteWorld } from '../../site-world.ts';

const world = siteWorld();
const platform = world.account({});
const platformZh = world.account({ locale: 'zh-TW' });
const merchantA = world.account({ merchantId: MERCHANT_A, permissions: ['accounts.manage', 'boxes.view'] });
const departmentOfB = createDepartment(world.db, world.account({ merchantId: MERCHANT_B, permissions: ['accounts.manage'] }).principal, { name: 'B-only desk' }, world.now());

const PAGES = ['/admin/accounts', '/admin/roles', '/admin/departments', '/admin/api-keys'];

const gates = suite('authority pages');

for (const path of PAGES) {
  gates(`${path} needs a session and accounts.manage`, () => assertGated(world, path, 'accounts.manage'));
  gates(`${path} renders accessibly in English and Chinese`, async () => {
    const zh = await assertBothLocales(world, path, platform, platformZh);
    assert.match(zh, '權限中心');
  });
}

gates('a merchant account sees only its own merchant\'s rows', async () => {
  const html = await okPage(await world.get('/admin/departments', merchantA));
  assert.not.match(html, 'B-only desk');
  assert.match(await okPage(await world.get('/admin/departments', platform)), 'B-only desk');
});

gates('another tenant\'s role or department is a 404, never a 403', async () => {
  const roleOfB = world.db.select().from(roles).where(eq(roles.merchantId, MERCHANT_B)).get()!;
  assert.is((await world.get(`/admin/roles/${roleOfB.id}`, merchantA)).status, 404);
  assert.is((await world.post(`/admin/departments/${departmentOfB.id}`, merchantA, { name: 'mine now' })).status, 404);
  assert.is(world.db.select().from(departments).where(eq(departments.id, departmentOfB.id)).get()!.name, 'B-only desk');
});

gates.run();

const roleForms = suite('role pages');

roleForms('creates a role with the checked permissions', async () => {
  const res = await world.post('/admin/roles', platform, { name: 'Cashier', merchantId: MERCHANT_A, permissions: 'payments.view' });
  assert.is(res.status, 303);
  const role = world.db.select().from(roles).where(eq(roles.name, 'Cashier')).get()!;
  assert.is(role.merchantId, MERCHANT_A);
  const html = await okPage(await world.get(`/admin/roles/${role.id}`, platform));
  assert.match(html, /value="payments.view" checked=""/);
});

roleForms('keeps every checked permission when several are ticked', async () => {
  const body = new URLSearchParams([['_csrf', platform.csrf], ['name', 'Supervisor'], ['permissions', 'payments.view'], ['permissions', 'payments.refund']]);
  const res = await world.app.request('/admin/roles', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: platform.cookie } });
  assert.is(res.status, 303);
  const role = world.db.select().from(roles).where(eq(roles.name, 'Supervisor')).get()!;
  assert.equal(world.db.select().from(rolePermissions).where(eq(rolePermissions.roleId, role.id)).all().map((r) => r.permission).sort(), ['payments.refund', 'payments.view']);
});

roleForms('offers only the permissions the acting account holds', async () => {
  const html = await okPage(await world.get('/admin/roles', merchantA));
  assert.match(html, 'value="boxes.view"');
  assert.not.match(html, 'value="payments.refund"');
});

roleForms('refuses a role without a name with an error linked to the field', async () => {
  const res = await world.post('/admin/roles', platform, { name: '' });
  assert.is(res.status, 422);
  assert.match(await res.text(), '<a href="#f-name">');
});

roleForms.run();

const accountForms = suite('account pages');

accountForms('shows field errors and keeps the typed values but never the password', async () => {
  const res = await world.post('/admin/accounts', platform, { email: 'not-an-email', displayName: 'Kim', password: 'hunter2', roleId: '', locale: 'en' });
  assert.is(res.status, 422);
  const html = await res.text();
  assert.match(html, 'value="not-an-email"');
  assert.equal(accessibilityProblems(html), []);
  assert.match(html, '<a href="#f-roleId">');
  assert.not.match(html, 'hunter2');
});

accountForms('disables another account, which ends its sessions', async () => {
  const target = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view'] });
  const res = await world.post(`/admin/accounts/${target.id}/status`, merchantA, { status: 'disabled' });
  assert.is(res.status, 303);
  assert.is(world.db.select().from(accounts).where(eq(accounts.id, target.id)).get()!.status, 'disabled');
  assert.is((await world.get('/admin', target)).status, 303);
});

accountForms('edits an account\'s role and language; another tenant\'s account is a 404', async () => {
  const target = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view'] });
  await okPage(await world.get(`/admin/accounts/${target.id}`, merchantA));
  const role = world.db.select().from(roles).where(eq(roles.merchantId, MERCHANT_A)).all().find((r) => r.name !== 'Cashier')!;
  const res = await world.post(`/admin/accounts/${target.id}`, merchantA, { displayName: 'Renamed', roleId: role.id, locale: 'zh-TW' });
  assert.is(res.status, 303);
  const row = world.db.select().from(accounts).where(eq(accounts.id, target.id)).get()!;
  assert.equal([row.displayName, row.roleId, row.locale], ['Renamed', role.id, 'zh-TW']);
  const other = world.account({ merchantId: MERCHANT_B, permissions: ['boxes.view'] });
  assert.is((await world.get(`/admin/accounts/${other.id}`, merchantA)).status, 404);
});

accountForms.run();

const keyForms = suite('API key pages');

keyForms('shows a new key once, uncached, and stores only its hash', async () => {
  const res = await world.post('/admin/api-keys', platform, { name: 'nightly export', accountId: platform.id });
  const html = await okPage(res);
  assert.is(res.headers.get('cache-control'), 'no-store');
  const key = /wgk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}/.exec(html)?.[0];
  assert.ok(key);
  const list = await okPage(await world.get('/admin/api-keys', platform));
  assert.match(list, 'nightly export');
  assert.not.match(list, key!);
});

keyForms('revokes a key', async () => {
  const row = world.db.select().from(apiKeys).where(eq(apiKeys.name, 'nightly export')).get()!;
  assert.is((await world.post(`/admin/api-keys/${row.id}/revoke`, platform, {})).status, 303);
  assert.ok(world.db.select().from(apiKeys).where(eq(apiKeys.id, row.id)).get()!.revokedAt);
});

keyForms('creates a department and renames it', async () => {
  assert.is((await world.post('/admin/departments', merchantA, { name: 'Front desk' })).status, 303);
  const row = world.db.select().from(departments).where(eq(departments.name, 'Front desk')).get()!;
  assert.is(row.merchantId, MERCHANT_A);
  assert.is((await world.post(`/admin/departments/${row.id}`, merchantA, { name: 'Back office' })).status, 303);
  assert.is(world.db.select().from(departments).where(eq(departments.id, row.id)).get()!.name, 'Back office');
});

keyForms.after(() => world.cleanup());
keyForms.run();
