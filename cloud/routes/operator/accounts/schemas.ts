import { z } from 'zod';
import { LOCALES } from '../../../services/authority/accounts.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../services/authority/passwords.ts';
import { PERMISSIONS } from '../../../services/authority/permissions.ts';
import { pageSchema } from '../query.ts';

const id = z.string().min(1).max(64);
const name = z.string().trim().min(1).max(100);
const merchantId = id.nullable().optional().describe('platform accounts only: the merchant it is for (null or absent: platform); ignored for a merchant account, whose own merchant is used');
const password = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH).describe(`at least ${MIN_PASSWORD_LENGTH} characters, not the email address`);
const permissions = z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length).describe('none may be one the acting account lacks');

export const AccountCreate = z.object({
  email: z.email().max(254),
  displayName: name,
  password,
  roleId: id.describe('a role of the same merchant whose permissions the acting account all holds'),
  departmentId: id.nullable().optional(),
  merchantId,
  locale: z.enum(LOCALES).optional(),
}).strict();

export const AccountUpdate = z.object({
  displayName: name.optional(),
  roleId: id.optional(),
  departmentId: id.nullable().optional(),
  status: z.enum(['active', 'disabled']).optional().describe('disabled ends the account\'s sessions; active also clears a lockout'),
  locale: z.enum(LOCALES).optional(),
  password: password.optional().describe('sets a new password, ends the account\'s sessions and clears a lockout'),
}).strict();

export const Account = z.object({
  id: z.string(),
  merchantId: z.string().nullable(),
  departmentId: z.string().nullable(),
  roleId: z.string(),
  email: z.string(),
  displayName: z.string(),
  status: z.enum(['active', 'disabled']),
  locale: z.enum(LOCALES),
  lockedUntil: z.number().int().nullable().describe('locked by failed logins until this time (ms since the epoch)'),
  createdAt: z.number().int(),
  lastLoginAt: z.number().int().nullable(),
});

export const RoleCreate = z.object({ name, permissions, merchantId }).strict();
export const RoleUpdate = z.object({ name: name.optional(), permissions: permissions.optional() }).strict();
export const Role = z.object({
  id: z.string(), merchantId: z.string().nullable(), name: z.string(), permissions: z.array(z.enum(PERMISSIONS)), createdAt: z.number().int(),
});

export const DepartmentCreate = z.object({ name, merchantId }).strict();
export const DepartmentUpdate = z.object({ name }).strict();
export const Department = z.object({ id: z.string(), merchantId: z.string().nullable(), name: z.string(), createdAt: z.number().int() });

export const ApiKeyCreate = z.object({
  name,
  accountId: id.optional().describe('the account the key acts as (default: the caller\'s own)'),
  expiresAt: z.number().int().positive().nullable().optional().describe('ms since the epoch; absent or null: no expiry'),
}).strict();
export const ApiKey = z.object({
  id: z.string(), accountId: z.string(), merchantId: z.string().nullable(), name: z.string(),
  prefix: z.string().describe('the 12 hex digits after wgk_, to tell keys apart'),
  createdAt: z.number().int(), lastUsedAt: z.number().int().nullable(), expiresAt: z.number().int().nullable(), revokedAt: z.number().int().nullable(),
});
export const CreatedApiKey = ApiKey.extend({ key: z.string().describe('wgk_<prefix>_<secret>: shown only in this answer') });

export const AccountPage = pageSchema(Account);
export const RolePage = pageSchema(Role);
export const DepartmentPage = pageSchema(Department);
export const ApiKeyPage = pageSchema(ApiKey);

export const ID_PARAM = { id: id.describe('the row\'s id') };
