// A simulation's own corner of the cloud's database, under fresh ids so runs can repeat against one cloud:
// a merchant and store selling one minute of machine time, N pay-by-time boxes on mixed boards, M wallet apps.
import { randomBytes } from 'node:crypto';
import type { Kek } from '../../../cloud/crypto/kek.ts';
import type { Executor } from '../../../cloud/db/open.ts';
import { boxes, merchandise, merchants, stores } from '../../../cloud/db/schema/index.ts';
import { createWalletApp } from '../../../cloud/services/wallet-apps/index.ts';
import { SCENARIO } from '../../../shared/protocol/constants.ts';
import type { WalletCredentials } from '../../cloud-load/index.ts';
import type { DemoMachine } from '../../demo/scenarios.ts';
import { CURRENCY } from '../../demo/scenarios.ts';

const BOARDS = ['puckjs', 'pixljs', 'mdbt42q'] as const;
const SKU = 'SIM-1';

export interface SimulationWorld {
  machines: DemoMachine[];
  wallets: WalletCredentials[];
}

export function seedSimulation(db: Executor, kek: Kek, counts: { boxes: number; wallets: number }, now = Date.now()): SimulationWorld {
  const run = randomBytes(3).toString('hex');
  const merchantId = `m_sim_${run}`;
  const storeId = `s_sim_${run}`;
  const machines: DemoMachine[] = Array.from({ length: counts.boxes }, (_, i) => ({
    boxId: `5d${run}${i.toString(16).padStart(8, '0')}`, board: BOARDS[i % BOARDS.length]!, machineName: `Simulated dryer ${i + 1}`,
    scenario: SCENARIO.PAY_BY_TIME, label: 'pay by time',
    merchandise: { sku: SKU, name: 'One minute', priceMinor: 100, scenarioParams: { minutes: 1 } },
    config: { outputMask: 1, unitPrice: 100, unitSeconds: 60 }, order: { sku: SKU },
  }));
  db.transaction((tx) => {
    tx.insert(merchants).values({ id: merchantId, name: `Simulation ${run}`, createdAt: now }).run();
    tx.insert(stores).values({ id: storeId, merchantId, name: 'Simulated store', createdAt: now }).run();
    tx.insert(merchandise).values({
      id: `g_sim_${run}`, storeId, sku: SKU, name: 'One minute', priceMinor: 100, currency: CURRENCY, scenarioParams: { minutes: 1 }, createdAt: now,
    }).run();
    for (const m of machines) {
      tx.insert(boxes).values({
        id: m.boxId, storeId, merchantId, board: m.board, machineName: m.machineName, scenario: m.scenario, activatedAt: now, createdAt: now,
      }).run();
    }
  });
  const wallets = Array.from({ length: counts.wallets }, (_, i) => {
    const app = createWalletApp(db, `Simulated wallet ${run}-${i + 1}`, { kek, actor: 'operator:simulate', now: () => now });
    return { keyId: app.id, signingKey: app.signingKey };
  });
  return { machines, wallets };
}
