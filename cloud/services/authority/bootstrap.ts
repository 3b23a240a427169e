import { and, eq, isNull } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import type { Executor } from '../../db/open.ts';
import { rolePermissions, roles } from '../../db/schema/index.ts';
import { insertAccount, type AccountView } from './accounts.ts';
import { checkPasswordPolicy, hashPassword } from './passwords.ts';
import { PERMISSIONS } from './permissions.ts';
import { newId } from './tokens.ts';

const ADMIN_ROLE = 'Platform administrator';

/** The platform role holding every permission, created on first use (a new permission is added to it). */
function platformAdminRole(db: Executor, now: number): string {
  return db.transaction((tx) => {
    const existing = tx.select({ id: roles.id }).from(roles).where(and(isNull(roles.merchantId), eq(roles.name, ADMIN_ROLE))).get();
    const id = existing ? existing.id : newId('role');
    if (!existing) {
      tx.insert(roles).values({ id, merchantId: null, name: ADMIN_ROLE, createdAt: now }).run();
      appendAudit(tx, { actor: 'cli', action: 'role.created', subjectType: 'role', subjectId: id, at: now, data: { merchantId: null, name: ADMIN_ROLE, permissions: [...PERMISSIONS] } });
    }
    tx.insert(rolePermissions).values(PERMISSIONS.map((permission) => ({ roleId: id, permission }))).onConflictDoNothing().run();
    return id;
  });
}

/**
 * The first account of an installation (the demo, `waygo account create-admin`): a platform account holding
 * every permission. Nothing else can create it, because every other way needs an account that already exists.
 */
export async function createPlatformAdmin(db: Executor, input: { email: string; password: string; displayName?: string }, now = Date.now()): Promise<AccountView> {
  checkPasswordPolicy(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  return insertAccount(db, 'cli', {
    id: newId('acc'), merchantId: null, departmentId: null, roleId: platformAdminRole(db, now), email: input.email,
    displayName: input.displayName ?? input.email, passwordHash, locale: 'en', createdAt: now,
  });
}
