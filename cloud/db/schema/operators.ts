import { blob, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { merchants } from './merchants.ts';

// The authority center. A null merchantId marks the platform's own rows: a platform account sees every merchant,
// a merchant's account only its own (tenant isolation is enforced in the services, never left to the routes).

export const departments = sqliteTable(
  'departments',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id').references(() => merchants.id),
    name: text('name').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('departments_merchant_idx').on(t.merchantId)],
);

export const roles = sqliteTable(
  'roles',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id').references(() => merchants.id),
    name: text('name').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('roles_merchant_idx').on(t.merchantId)],
);

/** One row per permission a role grants; the names are cloud/services/authority/permissions.ts's PERMISSIONS. */
export const rolePermissions = sqliteTable(
  'role_permissions',
  {
    roleId: text('role_id').notNull().references(() => roles.id),
    permission: text('permission').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.permission] })],
);

export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id').references(() => merchants.id),
    departmentId: text('department_id').references(() => departments.id),
    roleId: text('role_id').notNull().references(() => roles.id),
    /** Lower-cased; the login name. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** `scrypt$N$r$p$salt$hash` (base64url); never the password. */
    passwordHash: text('password_hash').notNull(),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    /** Failed logins since the last success; at the limit the account locks until lockedUntil. */
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: integer('locked_until'),
    /** `en` or `zh-TW`. */
    locale: text('locale').notNull().default('en'),
    createdAt: integer('created_at').notNull(),
    lastLoginAt: integer('last_login_at'),
  },
  (t) => [uniqueIndex('accounts_email_idx').on(t.email), index('accounts_merchant_idx').on(t.merchantId)],
);

/** Cookie sessions. The id is SHA-256 of the cookie's token, so a copy of the table cannot log anyone in. */
export const operatorSessions = sqliteTable(
  'operator_sessions',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    /** SHA-256 of the session's CSRF token. */
    csrfHash: text('csrf_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('operator_sessions_account_idx').on(t.accountId)],
);

/** Keys for scripts calling the operator API; a key acts with its account's permissions. */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    name: text('name').notNull(),
    /** The key's first characters, shown so an operator can tell keys apart. */
    prefix: text('prefix').notNull(),
    /** SHA-256 of the whole key. */
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    expiresAt: integer('expires_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_prefix_idx').on(t.prefix), index('api_keys_account_idx').on(t.accountId), check('api_keys_name', sql`length(${t.name}) > 0`)],
);
