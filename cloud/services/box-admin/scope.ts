// Tenant isolation for box management: a merchant account reaches only its merchant's boxes, and another
// merchant's box answers exactly like a missing one, so box ids never leak across tenants.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { boxes, stores } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import type { OperatorPrincipal } from '../authority/permissions.ts';

export type BoxRow = typeof boxes.$inferSelect;

/** A box's merchant: the one it was shipped to, or its store's for boxes placed before shipments were recorded. */
export const boxMerchantId = sql<string | null>`coalesce(${boxes.merchantId}, (select ${stores.merchantId} from ${stores} where ${stores.id} = ${boxes.storeId}))`;

/** The condition limiting box queries to what `principal` may see; undefined for a platform account. */
export function tenantCondition(principal: OperatorPrincipal): SQL | undefined {
  return principal.merchantId === null ? undefined : sql`${boxMerchantId} = ${principal.merchantId}`;
}

export function normalizeBoxId(boxId: string): string {
  const id = boxId.toLowerCase();
  if (!/^[0-9a-f]{16}$/.test(id)) throw new CloudError('box_not_found', 'a box id is 16 hex digits');
  return id;
}

/** The box if `principal` may see it, else `box_not_found`. */
export function scopedBox(db: Executor, principal: OperatorPrincipal, boxId: string): BoxRow & { ownerId: string | null } {
  const id = normalizeBoxId(boxId);
  const row = db.select({ box: boxes, ownerId: boxMerchantId }).from(boxes).where(eq(boxes.id, id)).get();
  if (!row || (principal.merchantId !== null && row.ownerId !== principal.merchantId)) throw new CloudError('box_not_found', `no box ${id}`);
  return { ...row.box, ownerId: row.ownerId };
}
