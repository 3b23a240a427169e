// What an operator would have set up before boxes ship: a merchant with a store and its merchandise, the six
// boxes assigned to it (not yet provisioned: the fleet step does that through the provisioning endpoint), an
// operator login for the site, an API key for provisioning, and a wallet app for the customer's phone.
import type { Kek } from '../../cloud/crypto/kek.ts';
import type { OpenDatabase } from '../../cloud/db/open.ts';
import { boxes, merchandise, merchants, stores } from '../../cloud/db/schema/index.ts';
import { createApiKey, createPlatformAdmin, loadPrincipal } from '../../cloud/services/authority/index.ts';
import { createWalletApp } from '../../cloud/services/wallet-apps/index.ts';
import type { WalletCredentials } from '../cloud-load/index.ts';
import { CURRENCY, MACHINES } from './scenarios.ts';

export const MERCHANT_ID = 'm_demo';
export const STORE_ID = 's_demo';

export interface DemoWorld {
  wallet: WalletCredentials;
  walletId: number;
  login: { email: string; password: string };
  /** An operator API key (wgk_…) that may provision boxes. */
  apiKey: string;
}

export interface SeedOptions {
  kek: Kek;
  login: { email: string; password: string };
  now?: number;
}

export async function seedDemoWorld(database: OpenDatabase, options: SeedOptions): Promise<DemoWorld> {
  const { db } = database;
  const now = options.now ?? Date.now();
  db.transaction((tx) => {
    tx.insert(merchants).values({ id: MERCHANT_ID, name: 'WayGo Demo Laundry & Arcade', code: 'DEMO0001', createdAt: now }).run();
    tx.insert(stores).values({ id: STORE_ID, merchantId: MERCHANT_ID, name: 'Station Street', createdAt: now }).run();
    for (const m of MACHINES) {
      tx.insert(boxes).values({
        id: m.boxId, storeId: STORE_ID, merchantId: MERCHANT_ID, board: m.board, machineName: m.machineName, scenario: m.scenario,
        activatedAt: now, createdAt: now,
      }).run();
      if (m.merchandise === undefined) continue;
      tx.insert(merchandise).values({
        id: `g_${m.merchandise.sku.toLowerCase()}`, storeId: STORE_ID, sku: m.merchandise.sku, name: m.merchandise.name,
        priceMinor: m.merchandise.priceMinor, currency: CURRENCY, scenarioParams: m.merchandise.scenarioParams, createdAt: now,
      }).run();
    }
  });
  const admin = await createPlatformAdmin(db, { ...options.login, displayName: 'Demo operator' }, now);
  const principal = loadPrincipal(db, admin.id, 'session');
  if (principal === null) throw new Error('the demo operator account was not created');
  const apiKey = createApiKey(db, principal, { name: 'demo provisioning' }, now).key;
  const app = createWalletApp(db, 'Demo Wallet', { kek: options.kek, actor: 'operator:demo', now: () => now });
  return { wallet: { keyId: app.id, signingKey: app.signingKey }, walletId: app.walletId, login: options.login, apiKey };
}
