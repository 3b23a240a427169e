// Two merchants' payments in an in-memory database, inserted directly with the times, amounts and states a test
// names; charged ones are charged through the simulator first, so refunds find them in its books.
import { createSimulatorAcquirer } from '../../../../cloud/acquirers/index.ts';
import { boxes, merchandise, merchants, payments, stores, walletApps } from '../../../../cloud/db/schema/index.ts';
import type { PaymentState } from '../../../../cloud/db/schema/payments.ts';
import { PERMISSIONS, type OperatorPrincipal, type Permission } from '../../../../cloud/services/authority/permissions.ts';
import { migratedDatabase, randomKek } from '../../fixtures.ts';
import { boxOwner } from '../../payment-owner.ts';

export const BOX_A = 'aaaa000000000001';
export const BOX_A2 = 'aaaa000000000002';
export const BOX_B = 'bbbb000000000001';
export const DAY = 86_400_000;
/** 2026-03-01T00:00:00Z. */
export const T0 = Date.UTC(2026, 2, 1);

export function principal(merchantId: string | null, permissions: readonly Permission[] = PERMISSIONS): OperatorPrincipal {
  return { accountId: `acc_${merchantId ?? 'platform'}`, merchantId, permissions, via: 'api_key', locale: 'en' };
}

export const PLATFORM = principal(null);
export const MERCHANT_A = principal('m_a');
export const MERCHANT_B = principal('m_b');

export interface PaymentSeed {
  id: string;
  box?: string;
  wallet?: 'wa_one' | 'wa_two';
  amountMinor?: number;
  currency?: string;
  state?: PaymentState;
  createdAt?: number;
  /** Charged through the simulator (default true for finish and refunded). */
  charged?: boolean;
  sku?: string | null;
  txnId?: number;
}

export function adminWorld() {
  const database = migratedDatabase(':memory:');
  const { db } = database;
  const acquirer = createSimulatorAcquirer();
  const kek = randomKek();
  const clock = { ms: T0 + 30 * DAY };
  const now = () => clock.ms;
  db.insert(merchants).values([
    { id: 'm_a', name: 'Laundry Corner', code: 'A0001', createdAt: 1 },
    { id: 'm_b', name: 'Arcade 100%_Fun', code: 'B0001', createdAt: 2 },
  ]).run();
  db.insert(stores).values([
    { id: 's_a', merchantId: 'm_a', name: 'Main Street', createdAt: 1 },
    { id: 's_a2', merchantId: 'm_a', name: 'Harbour', createdAt: 2 },
    { id: 's_b', merchantId: 'm_b', name: 'Pier', createdAt: 3 },
  ]).run();
  db.insert(boxes).values([
    { id: BOX_A, storeId: 's_a', merchantId: 'm_a', machineName: 'Washer 1', scenario: 1, createdAt: 1 },
    { id: BOX_A2, storeId: 's_a2', merchantId: 'm_a', machineName: null, scenario: 6, createdAt: 1 },
    { id: BOX_B, storeId: 's_b', merchantId: 'm_b', machineName: 'Crane', scenario: 2, createdAt: 1 },
  ]).run();
  db.insert(walletApps).values([
    { id: 'wa_one', walletId: 1, name: 'Pay One', sealedSigningKey: Buffer.alloc(1), createdAt: 1 },
    { id: 'wa_two', walletId: 2, name: 'Pay Two', sealedSigningKey: Buffer.alloc(1), createdAt: 1 },
  ]).run();
  db.insert(merchandise).values({ id: 'g_wash', storeId: 's_a', sku: 'WASH-30', name: '30 minutes wash', priceMinor: 300, currency: 'JPY', scenarioParams: { minutes: 30 }, createdAt: 1 }).run();
  let txn = 1;

  async function pay(seed: PaymentSeed): Promise<string> {
    const state = seed.state ?? 'finish';
    const amountMinor = seed.amountMinor ?? 300;
    const currency = seed.currency ?? 'JPY';
    const box = seed.box ?? BOX_A;
    const charged = seed.charged ?? (state === 'finish' || state === 'refunded');
    let acquirerRef: string | null = null;
    if (charged) {
      const result = await acquirer.charge({ paymentId: seed.id, amountMinor, currency: '392', merchantId: 'm', walletAppId: seed.wallet ?? 'wa_one' });
      if (result.outcome !== 'approved') throw new Error(`the simulator did not approve ${amountMinor}`);
      acquirerRef = result.acquirerRef;
    }
    const at = seed.createdAt ?? T0;
    db.insert(payments).values({
      id: seed.id, txnId: seed.txnId ?? txn++, boxId: box, ...boxOwner(db, box), walletAppId: seed.wallet ?? 'wa_one', amountMinor, currency, state,
      createdAt: at, updatedAt: at, sku: seed.sku === undefined ? (box === BOX_A ? 'WASH-30' : null) : seed.sku,
      acquirer: 'simulator', chargeStatus: charged ? 'approved' : 'none', acquirerRef, refundedMinor: state === 'refunded' ? amountMinor : 0,
    }).run();
    return seed.id;
  }

  return { database, db, acquirer, clock, now, kek, pay, deps: { db, kek, acquirer, now } };
}
