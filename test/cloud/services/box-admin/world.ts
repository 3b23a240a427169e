// Two merchants with a store each, and principals made by hand (the services take any principal; the routes'
// tests sign real accounts in).
import { merchants, stores } from '../../../../cloud/db/schema/index.ts';
import { PERMISSIONS, type OperatorPrincipal } from '../../../../cloud/services/authority/permissions.ts';
import { migratedDatabase, randomKek } from '../../fixtures.ts';

const principal = (merchantId: string | null): OperatorPrincipal => ({
  accountId: `acc_${merchantId ?? 'platform'}`, merchantId, permissions: PERMISSIONS, via: 'api_key', locale: 'en',
});

export const PLATFORM = principal(null);
export const OWNER_A = principal('m_a');
export const OWNER_B = principal('m_b');

export const HEADER = 'box_id,serial,board,merchant_code,carrier,tracking_number,destination,shipped_at';

export function adminWorld() {
  const database = migratedDatabase(':memory:');
  const { db } = database;
  db.insert(merchants).values([
    { id: 'm_a', name: 'Laundry Corner', code: 'A0001', createdAt: 1 },
    { id: 'm_b', name: 'Arcade', code: 'B0001', createdAt: 1 },
  ]).run();
  db.insert(stores).values([
    { id: 's_a', merchantId: 'm_a', name: 'Main Street', createdAt: 1 },
    { id: 's_b', merchantId: 'm_b', name: 'Pier', createdAt: 1 },
  ]).run();
  const kek = randomKek();
  return { database, db, kek, deps: { db, kek }, now: 1_800_000_000_000 };
}

/** Box ids `aa…01`, `aa…02`…: these tests ship `aa` ids to merchant A and `bb` ids to B. */
export function shippedIds(prefix: 'aa' | 'bb', count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${'0'.repeat(12)}${String(i + 1).padStart(2, '0')}`);
}

export function shippingCsv(rows: { id: string; code: string; board?: string }[]): string {
  return [HEADER, ...rows.map((r, i) => `${r.id},SN-${r.id.slice(-4)}-${i},${r.board ?? 'puckjs'},${r.code},Yamato,TR${i},Osaka,2026-01-31`)].join('\n');
}
