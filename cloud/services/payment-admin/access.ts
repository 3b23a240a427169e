// Who may see what. Services check the permission themselves as well as the route, because the site calls them
// directly. Another tenant's row answers exactly like a missing one, so ids never leak across merchants.
import { and, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { merchants, payments, stores } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import type { OperatorPrincipal, Permission } from '../authority/permissions.ts';

export function requirePermission(principal: OperatorPrincipal, permission: Permission): void {
  if (!principal.permissions.includes(permission)) throw new CloudError('permission_denied', `this needs the ${permission} permission`);
}

/** Creating merchants and changing their codes or status is the platform's job, not a merchant's. */
export function requirePlatform(principal: OperatorPrincipal): void {
  if (principal.merchantId !== null) throw new CloudError('platform_only', 'only a platform account can do this');
}

/** The condition that keeps a merchant account to its own rows (undefined for a platform account). */
export function tenantCondition(principal: OperatorPrincipal, merchantColumn: typeof stores.merchantId | typeof merchants.id | typeof payments.merchantId): SQL | undefined {
  return principal.merchantId === null ? undefined : eq(merchantColumn, principal.merchantId);
}

export type MerchantRow = typeof merchants.$inferSelect;
export type StoreRow = typeof stores.$inferSelect;

export function visibleMerchant(db: Executor, principal: OperatorPrincipal, merchantId: string): MerchantRow {
  const row = db.select().from(merchants).where(and(eq(merchants.id, merchantId), tenantCondition(principal, merchants.id))).get();
  if (!row) throw new CloudError('merchant_not_found', 'no merchant with this id');
  return row;
}

export function visibleStore(db: Executor, principal: OperatorPrincipal, storeId: string): StoreRow {
  const row = db.select().from(stores).where(and(eq(stores.id, storeId), tenantCondition(principal, stores.merchantId))).get();
  if (!row) throw new CloudError('store_not_found', 'no store with this id');
  return row;
}
