import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import type { Executor } from '../../db/open.ts';
import { accounts, rolePermissions, roles } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { newestFirstAfter, pageLimit, toPage, type Page, type PageRequest } from './page.ts';
import { PERMISSIONS, operatorActor, type OperatorPrincipal, type Permission } from './permissions.ts';
import { assertNoEscalation, merchantScope, ownerFor, seen } from './tenant.ts';
import { newId } from './tokens.ts';

export interface RoleView {
  id: string;
  merchantId: string | null;
  name: string;
  permissions: Permission[];
  createdAt: number;
}

export interface RoleInput {
  name: string;
  permissions: Permission[];
  /** Platform accounts only: the merchant the role is for (null or absent: a platform role). */
  merchantId?: string | null;
}

type RoleRow = typeof roles.$inferSelect;

/** A role's permissions in PERMISSIONS order. */
export function permissionsOfRole(db: Executor, roleId: string): Permission[] {
  const held = new Set(db.select({ p: rolePermissions.permission }).from(rolePermissions).where(eq(rolePermissions.roleId, roleId)).all().map((r) => r.p));
  return PERMISSIONS.filter((p) => held.has(p));
}

function view(db: Executor, row: RoleRow): RoleView {
  return { id: row.id, merchantId: row.merchantId, name: row.name, permissions: permissionsOfRole(db, row.id), createdAt: row.createdAt };
}

function checkPermissions(principal: OperatorPrincipal, permissions: readonly string[]): Permission[] {
  const unknown = permissions.filter((p) => !(PERMISSIONS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new CloudError('permission_unknown', `unknown permissions: ${unknown.join(', ')}`);
  assertNoEscalation(principal, permissions);
  return PERMISSIONS.filter((p) => permissions.includes(p));
}

function setPermissions(tx: Executor, roleId: string, permissions: Permission[]): void {
  tx.delete(rolePermissions).where(eq(rolePermissions.roleId, roleId)).run();
  if (permissions.length > 0) tx.insert(rolePermissions).values(permissions.map((permission) => ({ roleId, permission }))).run();
}

/** The role if the principal may see it, else `role_not_found`. */
export function getRole(db: Executor, principal: OperatorPrincipal, id: string): RoleView {
  return view(db, seen(principal, db.select().from(roles).where(eq(roles.id, id)).get(), 'role'));
}

export function createRole(db: Executor, principal: OperatorPrincipal, input: RoleInput, now: number): RoleView {
  const permissions = checkPermissions(principal, input.permissions);
  const row: RoleRow = { id: newId('role'), merchantId: ownerFor(db, principal, input.merchantId), name: input.name, createdAt: now };
  db.transaction((tx) => {
    tx.insert(roles).values(row).run();
    setPermissions(tx, row.id, permissions);
    appendAudit(tx, {
      actor: operatorActor(principal), action: 'role.created', subjectType: 'role', subjectId: row.id, at: now,
      data: { merchantId: row.merchantId, name: row.name, permissions },
    });
  });
  return view(db, row);
}

/** Renames a role or replaces its permissions; the new set may hold nothing the acting account lacks. */
export function updateRole(db: Executor, principal: OperatorPrincipal, id: string, input: Partial<Omit<RoleInput, 'merchantId'>>, now: number): RoleView {
  const row = seen(principal, db.select().from(roles).where(eq(roles.id, id)).get(), 'role');
  // Changing a role changes what its holders may do, so the acting account must already hold all of it.
  assertNoEscalation(principal, permissionsOfRole(db, id));
  const permissions = input.permissions === undefined ? undefined : checkPermissions(principal, input.permissions);
  db.transaction((tx) => {
    if (input.name !== undefined) tx.update(roles).set({ name: input.name }).where(eq(roles.id, id)).run();
    if (permissions) setPermissions(tx, id, permissions);
    appendAudit(tx, {
      actor: operatorActor(principal), action: 'role.updated', subjectType: 'role', subjectId: id, at: now,
      data: { merchantId: row.merchantId, ...(input.name !== undefined ? { name: input.name } : {}), ...(permissions ? { permissions } : {}) },
    });
  });
  return getRole(db, principal, id);
}

/**
 * Deletes a role no account holds (a disabled account still holds its role: re-enabling it must not leave it
 * without one). Like a change, it needs every permission the role grants.
 */
export function deleteRole(db: Executor, principal: OperatorPrincipal, id: string, now: number): RoleView {
  const role = getRole(db, principal, id);
  assertNoEscalation(principal, role.permissions);
  db.transaction((tx) => {
    if (tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.roleId, id)).limit(1).get()) {
      throw new CloudError('role_in_use', 'accounts still hold this role; give them another role first');
    }
    tx.delete(rolePermissions).where(eq(rolePermissions.roleId, id)).run();
    tx.delete(roles).where(eq(roles.id, id)).run();
    appendAudit(tx, {
      actor: operatorActor(principal), action: 'role.deleted', subjectType: 'role', subjectId: id, at: now,
      data: { merchantId: role.merchantId, name: role.name, permissions: role.permissions },
    });
  });
  return role;
}

/** Newest first. A platform account may narrow to one merchant (`merchantId`) or to platform rows (`null`). */
export function listRoles(db: Executor, principal: OperatorPrincipal, request: PageRequest & { merchantId?: string | null }): Page<RoleView> {
  const limit = pageLimit(request);
  const conditions: (SQL | undefined)[] = [merchantScope(principal, roles.merchantId)];
  if (principal.merchantId === null && request.merchantId !== undefined) {
    conditions.push(request.merchantId === null ? isNull(roles.merchantId) : eq(roles.merchantId, request.merchantId));
  }
  conditions.push(newestFirstAfter(request.cursor, roles.createdAt, roles.id));
  const rows = db.select().from(roles).where(and(...conditions)).orderBy(desc(roles.createdAt), desc(roles.id)).limit(limit + 1).all();
  return toPage(rows, limit, (r) => [r.createdAt, r.id], (r) => view(db, r));
}
