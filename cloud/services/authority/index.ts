export { PERMISSIONS, operatorActor } from './permissions.ts';
export type { OperatorPrincipal, Permission } from './permissions.ts';
export { LOCALES, accountView, createAccount, getAccount, insertAccount, listAccounts, updateAccount } from './accounts.ts';
export type { AccountChanges, AccountInput, AccountView, Locale } from './accounts.ts';
export { createRole, deleteRole, getRole, listRoles, permissionsOfRole, updateRole } from './roles.ts';
export type { RoleInput, RoleView } from './roles.ts';
export { createDepartment, deleteDepartment, getDepartment, listDepartments, renameDepartment } from './departments.ts';
export type { DepartmentView } from './departments.ts';
export { apiKeyPrincipal, createApiKey, getApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
export type { ApiKeyView, CreatedApiKey } from './api-keys.ts';
export { createPlatformAdmin } from './bootstrap.ts';
export {
  LOCKOUT_FAILURES, LOCKOUT_MS, SESSION_IDLE_MS, SESSION_MAX_MS, csrfMatches, csrfTokenFor, login, logout, sessionPrincipal, startSession,
} from './sessions.ts';
export type { LoginInput, LoginResult } from './sessions.ts';
export { loadPrincipal } from './principal.ts';
export { MIN_PASSWORD_LENGTH, SCRYPT_COST, checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';
export { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, decodeCursor, encodeCursor, newestFirstAfter, pageLimit, toPage } from './page.ts';
export type { CursorKey, Page, PageRequest } from './page.ts';
export { assertNoEscalation, canSee, merchantScope, ownerFor, seen } from './tenant.ts';
export { listAudit, verifyAudit } from './audit.ts';
export type { AuditFilter, AuditRowView } from './audit.ts';
export { changeOwnPassword } from './own-password.ts';
export type { OwnPasswordInput } from './own-password.ts';
