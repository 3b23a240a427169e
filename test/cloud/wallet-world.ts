// A seeded cloud for wallet API tests: merchant, store, box with provisioned keys, merchandise and a wallet app.
import { buildApp } from '../../cloud/app.ts';
import type { OpenDatabase } from '../../cloud/db/open.ts';
import { boxes, merchandise, merchants, stores } from '../../cloud/db/schema/index.ts';
import { createBoxKey } from '../../cloud/services/box-keys/index.ts';
import { createWalletApp } from '../../cloud/services/wallet-apps/index.ts';
import type { BoxKeys } from '../../shared/protocol/types.ts';
import { migratedDatabase, randomKek } from './fixtures.ts';
import type { WalletCredentials } from './wallet-client.ts';

export const BOX = '0a1b2c3d4e5f6071';
export const OTHER_BOX = '8899aabbccddeeff';
export const STRANGER_BOX = '1111222233334444';
const quiet = { info: () => undefined, error: () => undefined };
const options = { actor: 'operator:test' };

/** Merchant m_1 (store s_1: BOX, OTHER_BOX, scenario PAY_BY_TIME) and merchant m_2 (store s_2: STRANGER_BOX). */
export function seedWorld(database: OpenDatabase, kek = randomKek()) {
  const { db } = database;
  db.insert(merchants).values([{ id: 'm_1', name: 'Laundry Corner', createdAt: 1 }, { id: 'm_2', name: 'Arcade', createdAt: 1 }]).run();
  db.insert(stores).values([{ id: 's_1', merchantId: 'm_1', name: 'Main Street', createdAt: 1 }, { id: 's_2', merchantId: 'm_2', name: 'Pier', createdAt: 1 }]).run();
  db.insert(boxes).values([
    { id: BOX, storeId: 's_1', scenario: 1, createdAt: 1 },
    { id: OTHER_BOX, storeId: 's_1', scenario: 1, createdAt: 1 },
    { id: STRANGER_BOX, storeId: 's_2', scenario: 2, createdAt: 1 },
  ]).run();
  db.insert(merchandise).values([
    { id: 'g_1', storeId: 's_1', sku: 'WASH-30', name: '30 minutes wash', priceMinor: 300, currency: 'JPY', scenarioParams: { minutes: 30 }, createdAt: 1 },
    { id: 'g_2', storeId: 's_1', sku: 'DRY-10', name: '10 minutes dryer', priceMinor: 100, currency: 'JPY', scenarioParams: { minutes: 10 }, createdAt: 1 },
  ]).run();
  const keys: Record<string, BoxKeys> = {};
  for (const id of [BOX, OTHER_BOX, STRANGER_BOX]) keys[id] = createBoxKey(db, id, { kek, ...options }).keys;
  const created = createWalletApp(db, 'Pay App', { kek, ...options });
  const wallet: WalletCredentials = { keyId: created.id, signingKey: created.signingKey };
  return { kek, keys, wallet, walletId: created.walletId };
}

/** An in-memory cloud with the world seeded, served through app.request(). */
export function walletWorld() {
  const database = migratedDatabase(':memory:');
  const world = seedWorld(database);
  const app = buildApp({ db: database.db, kek: world.kek, bodyLimit: 65536, version: 'test', logger: quiet });
  return { ...world, app, database };
}

export async function errorOf(res: Response): Promise<{ type: string; code: string; message: string; param: string | null }> {
  return ((await res.json()) as { error: { type: string; code: string; message: string; param: string | null } }).error;
}
