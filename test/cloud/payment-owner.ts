// Test rows written straight into payments need the owner a payment records at creation: its box's store and
// that store's merchant as they are now.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../cloud/db/open.ts';
import { boxes, stores } from '../../cloud/db/schema/index.ts';

export function boxOwner(db: Executor, boxId: string): { merchantId: string; storeId: string } {
  const row = db.select({ merchantId: stores.merchantId, storeId: stores.id }).from(boxes)
    .innerJoin(stores, eq(stores.id, boxes.storeId)).where(eq(boxes.id, boxId)).get();
  if (!row) throw new Error(`box ${boxId} is in no store`);
  return row;
}
