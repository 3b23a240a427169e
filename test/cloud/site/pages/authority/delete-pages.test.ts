import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { auditLog, departments, roles } from '../../../../../cloud/db/schema/index.ts';
import { createDepartment, createRole, getAccount, updateAccount } from '../../../../../cloud/services/authority/index.ts';
import { accessibilityProblems } from '../../a11y.ts';
import { okPage } from '../../page-checks.ts';
import { MERCHANT_A, MERCHANT_B, siteWorld } from '../../site-world.ts';

const world = siteWorld();
const adminA = world.account({ merchantId: MERCHANT_A, permissions: ['accounts.manage', 'boxes.view'] });
const adminAZh = world.account({ merchantId: MERCHANT_A, permissions: ['accounts.manage', 'boxes.view'], locale: 'zh-TW' });
const holder = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view'] });
const adminB = world.account({ merchantId: MERCHANT_B, permissions: ['accounts.manage', 'boxes.view'] });
const ownRole = getAccount(world.db, adminA.principal, holder.id).roleId;

const audited = (action: string, id: string) => world.db.select().from(auditLog).where(eq(auditLog.subjectId, id)).all().some((r) => r.action === action);

const roleDelete = suite('deleting a role on the site');

roleDelete('a role an account holds is refused on its own page, in both languages; unused, it is deleted and audited', async () => {
  const role = createRole(world.db, adminA.principal, { name: 'Ephemeral', permissions: ['boxes.view'] }, world.now());
  updateAccount(world.db, adminA.principal, holder.id, { roleId: role.id }, world.now());
  const page = await okPage(await world.get(`/admin/roles/${role.id}`, adminA));
  assert.match(page, `action="/admin/roles/${role.id}/delete"`);
  let res = await world.post(`/admin/roles/${role.id}/delete`, adminA, {});
  assert.is(res.status, 422);
  const html = await res.text();
  assert.match(html, 'Accounts still hold this role');
  assert.equal(accessibilityProblems(html), []);
  assert.match(await (await world.post(`/admin/roles/${role.id}/delete`, adminAZh, {})).text(), '仍有帳號使用此角色');

  updateAccount(world.db, adminA.principal, holder.id, { roleId: ownRole }, world.now());
  res = await world.post(`/admin/roles/${role.id}/delete`, adminA, {});
  assert.equal([res.status, res.headers.get('location')], [303, '/admin/roles?done=deleted']);
  assert.match(await okPage(await world.get('/admin/roles?done=deleted', adminA)), 'Deleted.');
  assert.is(world.db.select().from(roles).where(eq(roles.id, role.id)).get(), undefined);
  assert.ok(audited('role.deleted', role.id));
});

roleDelete('another merchant\'s role is a 404 and stays', async () => {
  const role = createRole(world.db, adminB.principal, { name: 'B desk', permissions: ['boxes.view'] }, world.now());
  assert.is((await world.post(`/admin/roles/${role.id}/delete`, adminA, {})).status, 404);
  assert.ok(world.db.select().from(roles).where(eq(roles.id, role.id)).get());
});

roleDelete.run();

const departmentDelete = suite('deleting a department on the site');

departmentDelete('a department someone sits in is refused above the list; empty, it is deleted and audited', async () => {
  const dep = createDepartment(world.db, adminA.principal, { name: 'Night shift' }, world.now());
  updateAccount(world.db, adminA.principal, holder.id, { departmentId: dep.id }, world.now());
  const list = await okPage(await world.get('/admin/departments', adminA));
  assert.match(list, `action="/admin/departments/${dep.id}/delete"`);
  assert.match(list, 'aria-label="Delete the department “Night shift”"');
  let res = await world.post(`/admin/departments/${dep.id}/delete`, adminA, {});
  assert.is(res.status, 422);
  const html = await res.text();
  assert.match(html, 'Accounts still sit in “Night shift”');
  assert.equal(accessibilityProblems(html), []);

  updateAccount(world.db, adminA.principal, holder.id, { departmentId: null }, world.now());
  res = await world.post(`/admin/departments/${dep.id}/delete`, adminA, {});
  assert.equal([res.status, res.headers.get('location')], [303, '/admin/departments?done=deleted']);
  assert.is(world.db.select().from(departments).where(eq(departments.id, dep.id)).get(), undefined);
  assert.ok(audited('department.deleted', dep.id));
});

departmentDelete('another merchant\'s department is a 404 and stays; a delete needs the form\'s CSRF token', async () => {
  const dep = createDepartment(world.db, adminB.principal, { name: 'B only' }, world.now());
  assert.is((await world.post(`/admin/departments/${dep.id}/delete`, adminA, {})).status, 404);
  assert.is((await world.post(`/admin/departments/${dep.id}/delete`, adminB, {}, { csrf: false })).status, 403);
  assert.ok(world.db.select().from(departments).where(eq(departments.id, dep.id)).get());
});

departmentDelete.run();
