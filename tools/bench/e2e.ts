// One payment end to end as a user feels it: the SDK's pay() on the simulated transport, the BUILT puckjs bundle
// in the simulator, the real cloud over loopback HTTP. Virtual time models the field: every BLE round trip costs
// a 30 ms connection interval, connecting two intervals (establishment, then the MTU exchange; the service is
// cached) and every cloud call 50 ms of network latency; on-box computing is not modelled. Time to action runs
// from pay() with a scanned box to the box's output going active.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from '@noble/hashes/utils.js';
import { createSimulatorAcquirer } from '../../cloud/acquirers/simulator/index.ts';
import { loadConfig } from '../../cloud/config/index.ts';
import { Kek } from '../../cloud/crypto/kek.ts';
import { migrateDatabase } from '../../cloud/db/migrate.ts';
import { openDatabase } from '../../cloud/db/open.ts';
import { boxes, merchandise, merchants, stores } from '../../cloud/db/schema/index.ts';
import { startServer } from '../../cloud/server.ts';
import { createBoxKey } from '../../cloud/services/box-keys/index.ts';
import { createWalletApp } from '../../cloud/services/wallet-apps/index.ts';
import { concatBytes } from '../../shared/bytes/index.ts';
import { nodeCrypto } from '../../shared/crypto/node.ts';
import { KIND, LABEL, MSG, RIGHT, SCENARIO, encodeKeyFile, encodeMessage, sealTelegram, signTag } from '../../shared/protocol/index.ts';
import type { BoxKeys } from '../../shared/protocol/index.ts';
import { createSimulatedTransport, createWallet } from '../../sdk/index.ts';
import { boards } from '../build/index.ts';
import { createSimulatedBox, createWalletLink, type SimulatedBox } from '../simulator/index.ts';
import { EspruinoStorage, Flash } from '../simulator/storage.ts';
import type { BenchFigure } from './types.ts';

export const CONNECTION_INTERVAL_MS = 30;
export const CLOUD_LATENCY_MS = 50;
const PAYMENTS = 15;
const BOX_ID = 'be0c000000000001';
const root = resolve(fileURLToPath(import.meta.url), '../../..');
const puck = boards.find((b) => b.id === 'puckjs')!;

/** The installer's connection: a MANAGE ticket signed with the box's key, then CONFIG for pay by time. */
function configure(box: SimulatedBox, keys: BoxKeys): void {
  const link = createWalletLink(box, box.connect());
  const hello = link.request(encodeMessage(MSG.HELLO_REQUEST, { challenge: nodeCrypto.randomBytes(16) }));
  const auth = encodeMessage(MSG.AUTH, { walletId: 0, rights: RIGHT.MANAGE, validSeconds: 60, ticket: new Uint8Array(16) });
  link.request(signTag(nodeCrypto, keys.macKey, LABEL.TICKET, concatBytes([keys.boxId, hello.fields.boxNonce as Uint8Array]), auth, 2));
  const iv = link.request(encodeMessage(MSG.IV_REQUEST, {})).fields.iv as Uint8Array;
  const applied = link.request(sealTelegram(nodeCrypto, keys, iv, KIND.CONFIG, {
    txnId: nodeCrypto.randomBytes(8), issuedAt: 0, expiresAt: 0, configVersion: 1, scenario: SCENARIO.PAY_BY_TIME, outputMask: 1, activeLevels: 1,
    inputRoles: 0, pulseMs: 0, gapMs: 0, pulsesPerUnit: 0, rssiMin: 0, unitSeconds: 60, unitPrice: 10, currency: 392, maxAmount: 100_000,
    uartBaud: 0, uartFraming: 0, options: 0,
  }));
  if (applied.fields.status !== 0) throw new Error('the bench box refused its CONFIG');
  link.link.disconnect();
  box.advance(1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchE2e(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'waygo-e2e-bench-'));
  const dbPath = join(dir, 'e2e.sqlite');
  const kek = new Kek(randomBytes(32));
  const database = openDatabase(dbPath);
  migrateDatabase(database);
  const { db } = database;
  db.insert(merchants).values({ id: 'm_bench', name: 'Bench Laundry', createdAt: 1 }).run();
  db.insert(stores).values({ id: 's_bench', merchantId: 'm_bench', name: 'Bench', createdAt: 1 }).run();
  db.insert(boxes).values({ id: BOX_ID, storeId: 's_bench', merchantId: 'm_bench', scenario: SCENARIO.PAY_BY_TIME, createdAt: 1 }).run();
  db.insert(merchandise).values({ id: 'g_bench', storeId: 's_bench', sku: 'DRY-1', name: 'Dryer', priceMinor: 10, currency: 'JPY', scenarioParams: { minutes: 1 }, createdAt: 1 }).run();
  const keys = createBoxKey(db, BOX_ID, { kek, actor: 'operator:bench' }).keys;
  const app = createWalletApp(db, 'Bench App', { kek, actor: 'operator:bench' });
  database.close();

  const config = loadConfig({ env: { WAYGO_DB: dbPath, WAYGO_PORT: '0', WAYGO_KEK: Buffer.from(kek.bytes()).toString('hex') } });
  const server = await startServer({ config, logger: { info: () => undefined, error: () => undefined }, acquirer: createSimulatorAcquirer() });
  try {
    const storage = new EspruinoStorage(new Flash({ size: puck.storageBytes }));
    storage.write('.bootcde', new Uint8Array(readFileSync(join(root, 'build', 'puckjs', 'firmware.min.js'))));
    storage.write('waygo.keys', encodeKeyFile(keys));
    const box = createSimulatedBox({ board: puck, bundlePath: join(root, 'build', 'puckjs', 'firmware.js'), storage });
    configure(box, keys);
    const transport = createSimulatedTransport({ roundTripMs: CONNECTION_INTERVAL_MS, connectMs: 2 * CONNECTION_INTERVAL_MS, stepMs: 1 });
    transport.addBox('bench', box);
    const latentFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      transport.advance(CLOUD_LATENCY_MS);
      return res;
    };
    const wallet = createWallet({ transport, cloud: { baseUrl: server.url, keyId: app.id, signingKey: app.signingKey, fetch: latentFetch } });
    const [peripheral] = await wallet.discoverNearbyPeripherals();
    const output = puck.pins.outputs[0]!;
    const trips: number[] = [];
    const calls: number[] = [];
    const toAction: number[] = [];
    for (let i = 0; i < PAYMENTS; i++) {
      const from = box.now();
      const result = await wallet.pay({ peripheral: peripheral!, order: { sku: 'DRY-1' } });
      if (result.payment.state !== 'finish') throw new Error(`the bench payment ended ${result.payment.state}`);
      const edge = box.pinTrace.find((e) => e.pin === output && e.t >= from && e.level === 1);
      if (edge === undefined) throw new Error('the bench box did not act');
      trips.push(result.stats.bleRoundTrips);
      calls.push(result.stats.cloudCalls);
      toAction.push(edge.t - from);
      // The paid minute runs out before the next customer, so each payment starts the output afresh.
      transport.advance(61_000);
    }
    return [
      { key: 'e2e.ble_round_trips', value: Math.max(...trips), unit: 'round trips/payment', baseline: 'aim ≤ 3' },
      { key: 'e2e.cloud_calls', value: Math.max(...calls), unit: 'calls/payment', baseline: 'aim ≤ 2 (2 before the action, the receipt after)' },
      { key: 'e2e.cloud_calls_before_action', value: Math.max(...calls) - 1, unit: 'calls/payment' },
      {
        key: 'e2e.time_to_action_ms', value: median(toAction), unit: 'ms (virtual)',
        baseline: `aim ≤ 600; ${CONNECTION_INTERVAL_MS} ms/round trip, 2 to connect, ${CLOUD_LATENCY_MS} ms/cloud call`,
      },
    ];
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
