import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { accounts, auditLog, rolePermissions } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/index.ts';
import {
  createDepartment, createRole, deleteDepartment, deleteRole, getAccount, getDepartment, getRole, updateAccount,
} from '../../../../cloud/services/authority/index.ts';
import { MERCHANT_A, MERCHANT_B, operatorWorld } from '../../operator-fixtures.ts';

const world = await operatorWorld();
const { db } = world;
const now = world.clock.now();
const adminA = world.account({ merchantId: MERCHANT_A, permissions: ['accounts.manage', 'boxes.view'] });
const staffA = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view'] });
const adminB = world.account({ merchantId: MERCHANT_B, permissions: ['accounts.manage', 'boxes.view'] });
const platform = world.account();

function code(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof CloudError ? err.code : String(err);
  }
}

const auditOf = (action: string, subjectId: string) => db.select().from(auditLog).where(eq(auditLog.subjectId, subjectId)).all().filter((r) => r.action === action);

const roles = suite('deleteRole');

roles('deletes an unused role with its permissions and audits it under the role\'s merchant', () => {
  const role = createRole(db, adminA.principal, { name: 'Seasonal', permissions: ['boxes.view'] }, now);
  assert.equal(deleteRole(db, adminA.principal, role.id, now), role);
  assert.is(code(() => getRole(db, adminA.principal, role.id)), 'role_not_found');
  assert.is(db.select().from(rolePermissions).where(eq(rolePermissions.roleId, role.id)).all().length, 0);
  const [row] = auditOf('role.deleted', role.id);
  assert.equal(JSON.parse(row!.data), { merchantId: MERCHANT_A, name: 'Seasonal', permissions: ['boxes.view'] });
  assert.is(row!.actor, `operator:${adminA.id}`);
});

roles('refuses a role an account holds, even a disabled one', () => {
  const role = createRole(db, adminA.principal, { name: 'Night', permissions: ['boxes.view'] }, now);
  const before = getAccount(db, adminA.principal, staffA.id).roleId;
  updateAccount(db, adminA.principal, staffA.id, { roleId: role.id, status: 'disabled' }, now);
  assert.is(code(() => deleteRole(db, adminA.principal, role.id, now)), 'role_in_use');
  assert.is(auditOf('role.deleted', role.id).length, 0);
  updateAccount(db, adminA.principal, staffA.id, { roleId: before, status: 'active' }, now);
  assert.is(code(() => deleteRole(db, adminA.principal, role.id, now)), 'ok');
});

roles('answers another merchant\'s role as not found, and a role granting more than the caller holds as an escalation', () => {
  const role = createRole(db, adminA.principal, { name: 'Counter', permissions: ['boxes.view'] }, now);
  assert.is(code(() => deleteRole(db, adminB.principal, role.id, now)), 'role_not_found');
  const wide = createRole(db, platform.principal, { name: 'Refunds', permissions: ['payments.refund'], merchantId: MERCHANT_A }, now);
  assert.is(code(() => deleteRole(db, adminA.principal, wide.id, now)), 'permission_escalation');
  assert.is(code(() => deleteRole(db, platform.principal, wide.id, now)), 'ok');
});

roles.run();

const departments = suite('deleteDepartment');

departments('deletes an empty department and audits it; refuses one an account sits in; another merchant\'s is not found', () => {
  const dep = createDepartment(db, adminA.principal, { name: 'Back office' }, now);
  updateAccount(db, adminA.principal, staffA.id, { departmentId: dep.id }, now);
  assert.is(code(() => deleteDepartment(db, adminA.principal, dep.id, now)), 'department_in_use');
  assert.is(code(() => deleteDepartment(db, adminB.principal, dep.id, now)), 'department_not_found');
  updateAccount(db, adminA.principal, staffA.id, { departmentId: null }, now);
  assert.equal(deleteDepartment(db, adminA.principal, dep.id, now), dep);
  assert.is(code(() => getDepartment(db, platform.principal, dep.id)), 'department_not_found');
  assert.equal(JSON.parse(auditOf('department.deleted', dep.id)[0]!.data), { merchantId: MERCHANT_A, name: 'Back office' });
  assert.is(db.select().from(accounts).where(eq(accounts.id, staffA.id)).get()!.departmentId, null);
});

departments.after(() => world.cleanup());
departments.run();
