// Payments of merchants A and B in the operator world, charged through its simulator so refunds find them.
import { boxes, payments, walletApps } from '../../../../../cloud/db/schema/index.ts';
import type { OperatorWorld } from '../../../operator-fixtures.ts';
import { boxOwner } from '../../../payment-owner.ts';

export const BOX_A = 'a0a0a0a0a0a0a0a1';
export const BOX_B = 'b0b0b0b0b0b0b0c1';
/** 2026-03-01T00:00:00Z. */
export const T0 = Date.UTC(2026, 2, 1);

export async function seedPayments(world: OperatorWorld, list: { id: string; box?: string; amountMinor?: number; createdAt?: number }[]) {
  const { db } = world;
  db.insert(boxes).values([
    { id: BOX_A, storeId: world.stores.a, merchantId: world.merchants.a, machineName: 'Washer 1', scenario: 1, createdAt: 1 },
    { id: BOX_B, storeId: world.stores.b, merchantId: world.merchants.b, machineName: 'Crane', scenario: 2, createdAt: 1 },
  ]).onConflictDoNothing().run();
  db.insert(walletApps).values({ id: 'wa_routes', walletId: 900, name: 'Pay One', sealedSigningKey: Buffer.alloc(1), createdAt: 1 }).onConflictDoNothing().run();
  let txn = 1;
  for (const p of list) {
    const amountMinor = p.amountMinor ?? 300;
    const charge = await world.acquirer.charge({ paymentId: p.id, amountMinor, currency: '392', merchantId: 'm', walletAppId: 'wa_routes' });
    db.insert(payments).values({
      id: p.id, txnId: txn++, boxId: p.box ?? BOX_A, ...boxOwner(db, p.box ?? BOX_A), walletAppId: 'wa_routes', amountMinor, currency: 'JPY', state: 'finish',
      createdAt: p.createdAt ?? T0, updatedAt: p.createdAt ?? T0, acquirer: 'simulator', chargeStatus: 'approved',
      acquirerRef: charge.outcome === 'approved' ? charge.acquirerRef : null,
    }).run();
  }
}

/** `pay_` and 24 hex digits, as the routes take them. */
export const payId = (n: number) => `pay_${n.toString(16).padStart(24, '0')}`;
