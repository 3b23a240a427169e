import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { auditLog, operatorSessions } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/index.ts';
import {
  PERMISSIONS, createDepartment, createPlatformAdmin, createRole, getAccount, listAccounts, listRoles, loadPrincipal, updateAccount,
  updateRole, createAccount,
} from '../../../../cloud/services/authority/index.ts';
import { MERCHANT_A, MERCHANT_B, operatorWorld } from '../../operator-fixtures.ts';

const world = await operatorWorld();
const { db } = world;
const now = world.clock.now();
const adminA = world.account({ merchantId: MERCHANT_A, permissions: ['accounts.manage', 'boxes.view', 'audit.view'] });
const staffA = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view'] });
const bossA = world.account({ merchantId: MERCHANT_A });
const adminB = world.account({ merchantId: MERCHANT_B, permissions: ['accounts.manage'] });
const platform = world.account();

function code(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof CloudError ? err.code : String(err);
  }
}
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (err) {
    return err instanceof CloudError ? err.code : String(err);
  }
}

const roles = suite('createRole');

roles('a merchant account\'s role belongs to its own merchant whatever merchant it names', () => {
  const role = createRole(db, adminA.principal, { name: 'Cashier', permissions: ['boxes.view'], merchantId: MERCHANT_B }, now);
  assert.is(role.merchantId, MERCHANT_A);
  assert.equal(role.permissions, ['boxes.view']);
  assert.is(code(() => createRole(db, platform.principal, { name: 'Lost', permissions: [], merchantId: 'm_nowhere' }, now)), 'merchant_not_found');
  assert.is(code(() => createDepartment(db, platform.principal, { name: 'Lost', merchantId: 'm_nowhere' }, now)), 'merchant_not_found');
});

roles('no role may hold a permission the granting account lacks, on create or update', () => {
  assert.is(code(() => createRole(db, adminA.principal, { name: 'Refunder', permissions: ['payments.refund'] }, now)), 'permission_escalation');
  const role = createRole(db, adminA.principal, { name: 'Viewer', permissions: ['boxes.view'] }, now);
  assert.is(code(() => updateRole(db, adminA.principal, role.id, { permissions: ['boxes.view', 'boxes.manage'] }, now)), 'permission_escalation');
  assert.equal(updateRole(db, adminA.principal, role.id, { permissions: ['audit.view', 'boxes.view'] }, now).permissions, ['boxes.view', 'audit.view']);
});

roles('a role that already holds more than the acting account cannot be changed by it, not even renamed', () => {
  const strong = createRole(db, bossA.principal, { name: 'Boss', permissions: ['payments.refund'] }, now);
  assert.is(code(() => updateRole(db, adminA.principal, strong.id, { name: 'Renamed' }, now)), 'permission_escalation');
});

roles('another merchant\'s role answers as not found, and lists show only the caller\'s merchant', () => {
  const roleB = createRole(db, adminB.principal, { name: 'B role', permissions: [] }, now);
  assert.is(code(() => updateRole(db, adminA.principal, roleB.id, { name: 'mine now' }, now)), 'role_not_found');
  assert.ok(listRoles(db, adminA.principal, { limit: 200 }).data.every((r) => r.merchantId === MERCHANT_A));
  assert.ok(listRoles(db, platform.principal, { limit: 200 }).data.some((r) => r.merchantId === MERCHANT_B));
});

roles.run();

const accounts = suite('accounts');

accounts('a merchant admin creates an account of its own merchant with a role of its merchant, audited with the merchant', async () => {
  const role = createRole(db, adminA.principal, { name: 'Staff', permissions: ['boxes.view'] }, now);
  const department = createDepartment(db, adminA.principal, { name: 'Floor' }, now);
  const created = await createAccount(db, adminA.principal, {
    email: 'New.Staff@Example.test', displayName: 'New staff', password: 'a good long password', roleId: role.id,
    departmentId: department.id, merchantId: MERCHANT_B,
  }, now);
  assert.is(created.merchantId, MERCHANT_A);
  assert.is(created.email, 'new.staff@example.test');
  assert.not.ok('passwordHash' in created);
  assert.equal(loadPrincipal(db, created.id, 'session')!.permissions, ['boxes.view']);
  const row = db.select().from(auditLog).where(eq(auditLog.subjectId, created.id)).get()!;
  assert.is(row.action, 'account.created');
  assert.is(row.actor, `operator:${adminA.id}`);
  assert.not.ok(row.data.includes('a good long password'));
  assert.is((JSON.parse(row.data) as { merchantId: string }).merchantId, MERCHANT_A);
});

accounts('an account cannot be given a role of another merchant, a stronger role, a weak password or a taken email', async () => {
  const roleB = createRole(db, adminB.principal, { name: 'B staff', permissions: [] }, now);
  const strong = createRole(db, bossA.principal, { name: 'Strong', permissions: ['payments.refund'] }, now);
  const weak = createRole(db, adminA.principal, { name: 'Weak', permissions: [] }, now);
  const input = { email: 'x@example.test', displayName: 'X', password: 'a good long password' };
  assert.is(await codeOf(createAccount(db, adminA.principal, { ...input, roleId: roleB.id }, now)), 'role_not_found');
  assert.is(await codeOf(createAccount(db, adminA.principal, { ...input, roleId: strong.id }, now)), 'permission_escalation');
  assert.is(await codeOf(createAccount(db, adminA.principal, { ...input, roleId: weak.id, password: 'short' }, now)), 'password_weak');
  assert.is(await codeOf(createAccount(db, adminA.principal, { ...input, roleId: weak.id, email: staffA.email }, now)), 'email_taken');
  assert.is(await codeOf(createAccount(db, platform.principal, { ...input, roleId: weak.id, merchantId: 'm_nowhere' }, now)), 'merchant_not_found');
});

accounts('another merchant\'s account answers as not found to reads and changes alike', async () => {
  assert.is(code(() => getAccount(db, adminA.principal, adminB.id)), 'account_not_found');
  assert.is(await codeOf(updateAccount(db, adminA.principal, adminB.id, { displayName: 'mine' }, now)), 'account_not_found');
  assert.is(code(() => getAccount(db, adminA.principal, platform.id)), 'account_not_found');
  assert.is(getAccount(db, platform.principal, adminB.id).merchantId, MERCHANT_B);
});

accounts('an admin cannot change an account holding a permission the admin lacks, nor disable itself', async () => {
  assert.is(await codeOf(updateAccount(db, adminA.principal, bossA.id, { status: 'disabled' }, now)), 'permission_escalation');
  assert.is(await codeOf(updateAccount(db, adminA.principal, adminA.id, { status: 'disabled' }, now)), 'account_self_disable');
});

accounts('disabling an account ends its sessions and its API keys stop acting; enabling it again clears a lockout', async () => {
  const target = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view'] });
  const disabled = await updateAccount(db, adminA.principal, target.id, { status: 'disabled' }, now);
  assert.is(disabled.status, 'disabled');
  assert.is(db.select().from(operatorSessions).where(eq(operatorSessions.accountId, target.id)).all().length, 0);
  assert.is(loadPrincipal(db, target.id, 'api_key'), null);
  const enabled = await updateAccount(db, adminA.principal, target.id, { status: 'active' }, now);
  assert.is(enabled.lockedUntil, null);
  assert.ok(loadPrincipal(db, target.id, 'api_key'));
});

accounts('pages walk every visible account exactly once, newest first, whatever the page size', () => {
  const all = listAccounts(db, platform.principal, { limit: 200 }).data.map((a) => a.id);
  fc.assert(fc.property(fc.integer({ min: 1, max: 7 }), (limit) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = listAccounts(db, platform.principal, { limit, ...(cursor ? { cursor } : {}) });
      assert.ok(page.data.length <= limit);
      seen.push(...page.data.map((a) => a.id));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    assert.equal(seen, all);
  }), { numRuns: 7 });
  assert.ok(listAccounts(db, adminA.principal, { limit: 200 }).data.every((a) => a.merchantId === MERCHANT_A));
});

accounts.run();

const bootstrap = suite('createPlatformAdmin');

bootstrap('creates a platform account holding every permission, once per email', async () => {
  const admin = await createPlatformAdmin(db, { email: 'root@example.test', password: 'the very first password' }, now);
  assert.is(admin.merchantId, null);
  assert.equal(loadPrincipal(db, admin.id, 'session')!.permissions, [...PERMISSIONS]);
  assert.is(await codeOf(createPlatformAdmin(db, { email: 'ROOT@example.test', password: 'the very first password' }, now)), 'email_taken');
});

bootstrap.after(() => world.cleanup());
bootstrap.run();
