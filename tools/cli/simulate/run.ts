// N simulated boxes (the built bundles in the Espruino simulator) and M wallets paying through a running cloud:
// one lane per box, since a box serves one phone at a time; the lanes run concurrently.
import type { Kek } from '../../../cloud/crypto/kek.ts';
import type { Executor } from '../../../cloud/db/open.ts';
import { configFile } from '../../../cloud/services/box-admin/config-fields.ts';
import { createBoxKey } from '../../../cloud/services/box-keys/index.ts';
import { CONFIG_FILE } from '../../../firmware/src/core/machine/index.ts';
import { KEY_FILE_NAME, encodeKeyFile } from '../../../shared/protocol/key-file.ts';
import { summarize, type LatencySummary } from '../../cloud-load/stats.ts';
import { openBoxLink } from '../../demo/box-link.ts';
import { WalletFlowError } from '../../demo/errors.ts';
import { bringUpBox, type DemoBox } from '../../demo/fleet.ts';
import { configOf } from '../../demo/scenarios.ts';
import { openSession, pay, walletClient } from '../../demo/wallet.ts';
import { seedSimulation } from './world.ts';

export interface SimulationOptions {
  cloudUrl: string;
  db: Executor;
  kek: Kek;
  buildDir: string;
  boxes: number;
  wallets: number;
  payments: number;
}

export interface SimulationResult {
  payments: number;
  succeeded: number;
  seconds: number;
  perSecond: number;
  latency: LatencySummary;
  /** Failures by the cloud's error code or the box's answer. */
  failures: Record<string, number>;
}

/**
 * Keys and configuration as a provisioning bundle carries them when the operator configured the box first:
 * waygo.keys from the key service, waygo.cfg as the box itself would have stored the CONFIG.
 */
async function bringUp(options: SimulationOptions): Promise<{ fleet: DemoBox[]; wallets: ReturnType<typeof seedSimulation>['wallets'] }> {
  const world = seedSimulation(options.db, options.kek, options);
  const fleet: DemoBox[] = [];
  for (const [i, machine] of world.machines.entries()) {
    const provision = (boxId: string) => {
      const { keys } = createBoxKey(options.db, boxId, { kek: options.kek, actor: 'operator:simulate' });
      const config = configFile({ ...configOf(machine), configVersion: 1 });
      return Promise.resolve([{ name: KEY_FILE_NAME, bytes: encodeKeyFile(keys) }, { name: CONFIG_FILE, bytes: config }]);
    };
    fleet.push(await bringUpBox(machine, { buildDir: options.buildDir, provision }, i + 1));
  }
  return { fleet, wallets: world.wallets };
}

export async function simulate(options: SimulationOptions): Promise<SimulationResult> {
  const { fleet, wallets } = await bringUp(options);
  const calls = wallets.map((w) => walletClient(options.cloudUrl, w));
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  const lane = async (demoBox: DemoBox, lanePayments: number[]) => {
    for (const j of lanePayments) {
      const began = performance.now();
      const link = openBoxLink(demoBox.box);
      try {
        const call = calls[j % calls.length]!;
        const paid = await pay(call, link, (await openSession(call, link, demoBox.machine.boxId)).sessionId, demoBox.machine.order);
        if (paid.state === 'finish' && paid.boxStatus === 'ok') latencies.push(performance.now() - began);
        else failures[`${paid.state}/${paid.boxStatus}`] = (failures[`${paid.state}/${paid.boxStatus}`] ?? 0) + 1;
      } catch (err) {
        const code = err instanceof WalletFlowError ? err.code : 'unexpected';
        failures[code] = (failures[code] ?? 0) + 1;
      } finally {
        link.close();
      }
    }
  };
  const plan = fleet.map((_, i) => Array.from({ length: options.payments }, (_, j) => j).filter((j) => j % fleet.length === i));
  const start = performance.now();
  await Promise.all(fleet.map((demoBox, i) => lane(demoBox, plan[i]!)));
  const seconds = (performance.now() - start) / 1000;
  return {
    payments: options.payments, succeeded: latencies.length, seconds, perSecond: seconds > 0 ? latencies.length / seconds : 0,
    latency: summarize(latencies), failures,
  };
}
