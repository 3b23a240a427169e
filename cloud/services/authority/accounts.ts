import { and, desc, eq, type SQL } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import type { Executor } from '../../db/open.ts';
import { accounts, departments, operatorSessions, roles } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { newestFirstAfter, pageLimit, toPage, type Page, type PageRequest } from './page.ts';
import { checkPasswordPolicy, hashPassword } from './passwords.ts';
import { operatorActor, type OperatorPrincipal } from './permissions.ts';
import { permissionsOfRole } from './roles.ts';
import { assertNoEscalation, merchantScope, ownerFor, seen } from './tenant.ts';
import { newId } from './tokens.ts';

export const LOCALES = ['en', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];

type AccountRow = typeof accounts.$inferSelect;

/** An account as the API shows it: never the password hash or the failure counter. */
export interface AccountView {
  id: string;
  merchantId: string | null;
  departmentId: string | null;
  roleId: string;
  email: string;
  displayName: string;
  status: 'active' | 'disabled';
  locale: Locale;
  /** Locked by failed logins until this time (ms), or null. */
  lockedUntil: number | null;
  createdAt: number;
  lastLoginAt: number | null;
}

export interface AccountInput {
  email: string;
  displayName: string;
  password: string;
  roleId: string;
  departmentId?: string | null;
  /** Platform accounts only: the merchant the new account belongs to (absent: a platform account). */
  merchantId?: string | null;
  locale?: Locale;
}

export interface AccountChanges {
  displayName?: string;
  roleId?: string;
  departmentId?: string | null;
  status?: 'active' | 'disabled';
  locale?: Locale;
  password?: string;
}

export function accountView(row: AccountRow): AccountView {
  return {
    id: row.id, merchantId: row.merchantId, departmentId: row.departmentId, roleId: row.roleId, email: row.email,
    displayName: row.displayName, status: row.status, locale: row.locale === 'zh-TW' ? 'zh-TW' : 'en',
    lockedUntil: row.lockedUntil, createdAt: row.createdAt, lastLoginAt: row.lastLoginAt,
  };
}

const normalEmail = (email: string) => email.trim().toLowerCase();

/**
 * The role and department an account of `merchantId` may hold: both the account's own merchant's (or both
 * platform rows), and the role holding nothing the acting account lacks.
 */
function checkAssignment(db: Executor, principal: OperatorPrincipal, merchantId: string | null, roleId: string, departmentId: string | null | undefined): void {
  const role = db.select().from(roles).where(eq(roles.id, roleId)).get();
  if (!role || role.merchantId !== merchantId) throw new CloudError('role_not_found', 'no role with this id for this account\'s merchant');
  assertNoEscalation(principal, permissionsOfRole(db, roleId));
  if (departmentId === undefined || departmentId === null) return;
  const department = db.select().from(departments).where(eq(departments.id, departmentId)).get();
  if (!department || department.merchantId !== merchantId) throw new CloudError('department_not_found', 'no department with this id for this account\'s merchant');
}

/** The account if the principal may see it AND manage it (it holds nothing the principal lacks). */
function manageable(db: Executor, principal: OperatorPrincipal, id: string): AccountRow {
  const row = seen(principal, db.select().from(accounts).where(eq(accounts.id, id)).get(), 'account');
  assertNoEscalation(principal, permissionsOfRole(db, row.roleId));
  return row;
}

/** Inserts an account whose password is already hashed, with its audit row; the checks are the caller's. */
export function insertAccount(db: Executor, actor: string, row: Omit<AccountRow, 'failedLogins' | 'lockedUntil' | 'lastLoginAt' | 'status'>): AccountView {
  const full: AccountRow = { ...row, email: normalEmail(row.email), status: 'active', failedLogins: 0, lockedUntil: null, lastLoginAt: null };
  db.transaction((tx) => {
    if (tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, full.email)).get()) {
      throw new CloudError('email_taken', 'an account with this email exists');
    }
    tx.insert(accounts).values(full).run();
    appendAudit(tx, {
      actor, action: 'account.created', subjectType: 'account', subjectId: full.id, at: full.createdAt,
      data: { merchantId: full.merchantId, email: full.email, roleId: full.roleId, departmentId: full.departmentId },
    });
  });
  return accountView(full);
}

export async function createAccount(db: Executor, principal: OperatorPrincipal, input: AccountInput, now: number): Promise<AccountView> {
  const merchantId = ownerFor(db, principal, input.merchantId);
  checkAssignment(db, principal, merchantId, input.roleId, input.departmentId);
  checkPasswordPolicy(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  return insertAccount(db, operatorActor(principal), {
    id: newId('acc'), merchantId, departmentId: input.departmentId ?? null, roleId: input.roleId, email: input.email,
    displayName: input.displayName, passwordHash, locale: input.locale ?? 'en', createdAt: now,
  });
}

export function getAccount(db: Executor, principal: OperatorPrincipal, id: string): AccountView {
  return accountView(seen(principal, db.select().from(accounts).where(eq(accounts.id, id)).get(), 'account'));
}

/**
 * Changes an account the principal may manage. Disabling ends its sessions at once (its API keys stop working
 * because every request reloads the account); nobody disables their own account, so the last admin stays.
 */
export async function updateAccount(db: Executor, principal: OperatorPrincipal, id: string, changes: AccountChanges, now: number): Promise<AccountView> {
  const row = manageable(db, principal, id);
  if (changes.roleId !== undefined || changes.departmentId !== undefined) {
    checkAssignment(db, principal, row.merchantId, changes.roleId ?? row.roleId, changes.departmentId);
  }
  if (changes.status === 'disabled' && id === principal.accountId) throw new CloudError('account_self_disable', 'you cannot disable your own account');
  if (changes.password !== undefined) checkPasswordPolicy(changes.password, row.email);
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  const { password: _password, ...rest } = changes;
  const shown = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Omit<AccountChanges, 'password'>;
  const set = {
    ...shown, ...(passwordHash ? { passwordHash } : {}),
    // A new password or re-enabling is the administrator's answer to a lockout.
    ...(passwordHash || changes.status === 'active' ? { failedLogins: 0, lockedUntil: null } : {}),
  };
  db.transaction((tx) => {
    if (Object.keys(set).length > 0) tx.update(accounts).set(set).where(eq(accounts.id, id)).run();
    if (changes.status === 'disabled' || passwordHash) tx.delete(operatorSessions).where(eq(operatorSessions.accountId, id)).run();
    appendAudit(tx, {
      actor: operatorActor(principal), action: 'account.updated', subjectType: 'account', subjectId: id, at: now,
      data: { merchantId: row.merchantId, ...shown, passwordChanged: passwordHash !== undefined },
    });
  });
  return getAccount(db, principal, id);
}

/** Newest first, optionally only one status. */
export function listAccounts(db: Executor, principal: OperatorPrincipal, request: PageRequest & { status?: 'active' | 'disabled' }): Page<AccountView> {
  const limit = pageLimit(request);
  const conditions: (SQL | undefined)[] = [
    merchantScope(principal, accounts.merchantId),
    request.status ? eq(accounts.status, request.status) : undefined,
    newestFirstAfter(request.cursor, accounts.createdAt, accounts.id),
  ];
  const rows = db.select().from(accounts).where(and(...conditions)).orderBy(desc(accounts.createdAt), desc(accounts.id)).limit(limit + 1).all();
  return toPage(rows, limit, (r) => [r.createdAt, r.id], accountView);
}
