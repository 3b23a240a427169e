// Tenant isolation and the no-escalation rule, in one place so every operator service applies them the same way.
import { eq, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Executor } from '../../db/open.ts';
import { merchants } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import type { OperatorPrincipal, Permission } from './permissions.ts';

/** Whether the principal may see a row owned by `merchantId` (null: a platform row). */
export function canSee(principal: OperatorPrincipal, merchantId: string | null): boolean {
  return principal.merchantId === null || principal.merchantId === merchantId;
}

/**
 * The row if the principal may see it; otherwise the same `<what>_not_found` as a row that does not exist,
 * so another tenant's ids cannot be probed.
 */
export function seen<T extends { merchantId: string | null }>(principal: OperatorPrincipal, row: T | undefined, what: string): T {
  if (!row || !canSee(principal, row.merchantId)) throw new CloudError(`${what}_not_found`, `no ${what.replace(/_/g, ' ')} with this id`);
  return row;
}

/**
 * The merchant a new row belongs to: a merchant account's own, or the one a platform account names (which must
 * exist: CloudError `merchant_not_found`).
 */
export function ownerFor(db: Executor, principal: OperatorPrincipal, requested: string | null | undefined): string | null {
  if (principal.merchantId !== null) return principal.merchantId;
  if (requested === undefined || requested === null) return null;
  if (!db.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, requested)).get()) {
    throw new CloudError('merchant_not_found', 'no merchant with this id');
  }
  return requested;
}

/** Refuses to hand out (in a role, or by acting as an account) any permission the acting account lacks. */
export function assertNoEscalation(principal: OperatorPrincipal, permissions: readonly string[]): void {
  const missing = permissions.filter((p) => !principal.permissions.includes(p as Permission));
  if (missing.length > 0) {
    throw new CloudError('permission_escalation', `you cannot grant or act with permissions you lack: ${missing.join(', ')}`);
  }
}

/** The condition that limits a list to what the principal may see; none for a platform account. */
export function merchantScope(principal: OperatorPrincipal, column: SQLiteColumn): SQL | undefined {
  return principal.merchantId === null ? undefined : eq(column, principal.merchantId);
}
