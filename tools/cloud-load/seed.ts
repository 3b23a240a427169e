// A world for load: one merchant and store, many boxes with provisioned keys (one per concurrent client, since a
// box serves one phone at a time) and several wallet apps (so no single app's daily usage dominates the controls).
import { fromHex, toHex } from '../../shared/bytes/hex.ts';
import type { BoxKeys } from '../../shared/protocol/types.ts';
import type { Kek } from '../../cloud/crypto/kek.ts';
import type { OpenDatabase } from '../../cloud/db/open.ts';
import { boxes, merchandise, merchants, stores } from '../../cloud/db/schema/index.ts';
import { createBoxKey } from '../../cloud/services/box-keys/index.ts';
import { createWalletApp } from '../../cloud/services/wallet-apps/index.ts';
import type { WalletCredentials } from './wallet-client.ts';

/** Box keys as hex, so a world crosses a process boundary as JSON. */
export interface KeysHex { boxId: string; keyVersion: number; encKey: string; macKey: string; posKey: string }

export interface LoadWorld {
  wallets: WalletCredentials[];
  boxes: { id: string; keys: KeysHex }[];
  /** Priced at an amount the simulator approves. */
  sku: string;
}

export const LOAD_SKU = 'LOAD-1';

export function keysToHex(keys: BoxKeys): KeysHex {
  return { boxId: toHex(keys.boxId), keyVersion: keys.keyVersion, encKey: toHex(keys.encKey), macKey: toHex(keys.macKey), posKey: toHex(keys.posKey) };
}

export function keysFromHex(k: KeysHex): BoxKeys {
  return {
    boxId: fromHex(k.boxId), keyVersion: k.keyVersion, encKey: fromHex(k.encKey), macKey: fromHex(k.macKey), posKey: fromHex(k.posKey),
  };
}

export function seedLoadWorld(database: OpenDatabase, kek: Kek, counts: { boxes: number; wallets: number }): LoadWorld {
  const { db } = database;
  const options = { kek, actor: 'operator:load' };
  return db.transaction((tx) => {
    tx.insert(merchants).values({ id: 'm_load', name: 'Load Laundry', createdAt: 1 }).run();
    tx.insert(stores).values({ id: 's_load', merchantId: 'm_load', name: 'Load Street', createdAt: 1 }).run();
    tx.insert(merchandise).values({
      id: 'g_load', storeId: 's_load', sku: LOAD_SKU, name: '10 minutes dryer', priceMinor: 100, currency: 'JPY', scenarioParams: { minutes: 10 }, createdAt: 1,
    }).run();
    const seeded = Array.from({ length: counts.boxes }, (_, i) => {
      const id = `b0ad${i.toString(16).padStart(12, '0')}`;
      tx.insert(boxes).values({ id, storeId: 's_load', scenario: 1, createdAt: 1 }).run();
      return { id, keys: keysToHex(createBoxKey(tx, id, options).keys) };
    });
    const wallets = Array.from({ length: counts.wallets }, (_, i) => {
      const created = createWalletApp(tx, `Load App ${i}`, options);
      return { keyId: created.id, signingKey: created.signingKey };
    });
    return { wallets, boxes: seeded, sku: LOAD_SKU };
  });
}
