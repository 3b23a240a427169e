// The end-to-end world: the real cloud over HTTP on a temp SQLite file, simulated boxes running the BUILT puckjs
// bundle with the keys the cloud issued (configured as an installer would, by CONFIG telegrams), a vending
// controller answering the digital-interface box's UART, and the SDK on the simulated transport.
import { join } from 'node:path';
import { loadConfig } from '../../cloud/config/index.ts';
import type { Kek } from '../../cloud/crypto/kek.ts';
import { boxes, merchandise, merchants, stores } from '../../cloud/db/schema/index.ts';
import { startServer, type RunningServer } from '../../cloud/server.ts';
import { createSimulatorAcquirer, type SimulatorAcquirer } from '../../cloud/acquirers/simulator/index.ts';
import { createBoxKey } from '../../cloud/services/box-keys/index.ts';
import { createWalletApp } from '../../cloud/services/wallet-apps/index.ts';
import { SCENARIO } from '../../shared/protocol/index.ts';
import type { BoxKeys } from '../../shared/protocol/index.ts';
import { boards } from '../../tools/build/index.ts';
import { createSimulatedBox, type SimulatedBox } from '../../tools/simulator/index.ts';
import { EspruinoStorage } from '../../tools/simulator/storage.ts';
import { createSimulatedTransport, createWallet, type Logger, type SimulatedTransport, type SimulatedTransportOptions, type Wallet } from '../../sdk/index.ts';
import { migratedDatabase, randomKek, tempDir } from '../cloud/fixtures.ts';
import { Wallet as InstallerLink, edges, machineFrame, provisionedFlash } from '../firmware/scenarios/harness.ts';
import Database from 'better-sqlite3';
import { SCENARIO_BOXES, type ScenarioBox } from './scenarios.ts';

const quiet = { info: () => undefined, error: () => undefined };
const puck = boards.find((b) => b.id === 'puckjs')!;
export const CURRENCY_JPY = 392;

export interface WorldBox {
  spec: ScenarioBox;
  box: SimulatedBox;
  keys: BoxKeys;
}

/** What the machine saw since `from` (virtual ms): times its first output went active, and VEND frames on the UART. */
export function machineActions(b: WorldBox, from: number): { activations: number; vends: number } {
  const activations = edges(b.box, puck.pins.outputs[0]!, from).filter(([, level]) => level === 1).length;
  const vends = b.box.uart.events.filter((e) => e.direction === 'tx' && e.t >= from).length;
  return { activations, vends };
}

/** Payment rows and acquirer charges as the cloud's database holds them. */
export function cloudRows(dbPath: string, sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

export interface World {
  server: RunningServer;
  /** The test-mode acquirer: its ledger shows every charge and refund that moved money. */
  acquirer: SimulatorAcquirer;
  kek: Kek;
  dbPath: string;
  transport: SimulatedTransport;
  boxes: Record<string, WorldBox>;
  credentials: { keyId: string; signingKey: string; walletId: number }[];
  /** A wallet on the simulated transport signing as app `app` (0 or 1), with an optional logger and fetch. */
  wallet(options?: { app?: number; logger?: Logger; fetch?: typeof fetch }): Wallet;
  close(): Promise<void>;
}

/** The vending controller: ACK (0x06) every VEND frame the box sends on its UART, unless told to NAK. */
function vendingController(box: SimulatedBox, answer: () => number): () => void {
  let seen = 0;
  return () => {
    const tx = box.uart.events.filter((e) => e.direction === 'tx');
    for (; seen < tx.length; seen++) {
      const frame = tx[seen]!.bytes;
      const code = answer();
      box.uartReceive(machineFrame(code === 0 ? 0x06 : 0x15, frame.slice(3, 11), code));
    }
  };
}

export interface WorldOptions {
  boxes?: string[];
  transport?: SimulatedTransportOptions;
  /** The machine's answer to a VEND: 0 = ACK, else a NAK with this code. */
  machineAnswer?: () => number;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const dir = tempDir();
  const dbPath = join(dir.path, 'e2e.sqlite');
  const kek = randomKek();
  const specs = SCENARIO_BOXES.filter((b) => options.boxes === undefined || options.boxes.includes(b.name));
  const database = migratedDatabase(dbPath);
  const { db } = database;
  db.insert(merchants).values({ id: 'm_e2e', name: 'Arcade Street', createdAt: 1 }).run();
  db.insert(stores).values({ id: 's_e2e', merchantId: 'm_e2e', name: 'Pier', createdAt: 1 }).run();
  const keys: Record<string, BoxKeys> = {};
  for (const spec of specs) {
    db.insert(boxes).values({ id: spec.boxId, storeId: 's_e2e', merchantId: 'm_e2e', scenario: spec.scenario, createdAt: 1 }).run();
    spec.merchandise.forEach((m, i) => db.insert(merchandise).values({
      id: `g_${spec.name}_${i}`, storeId: 's_e2e', sku: m.sku, name: m.sku, priceMinor: m.priceMinor, currency: 'JPY', scenarioParams: m.scenarioParams, createdAt: 1,
    }).run());
    keys[spec.name] = createBoxKey(db, spec.boxId, { kek, actor: 'operator:e2e' }).keys;
  }
  const credentials = ['Pay App', 'Other App'].map((name) => {
    const app = createWalletApp(db, name, { kek, actor: 'operator:e2e' });
    return { keyId: app.id, signingKey: app.signingKey, walletId: app.walletId };
  });
  database.close();

  const config = loadConfig({ env: { WAYGO_DB: dbPath, WAYGO_PORT: '0', WAYGO_KEK: Buffer.from(kek.bytes()).toString('hex') } });
  const acquirer = createSimulatorAcquirer();
  const server = await startServer({ config, logger: quiet, acquirer });
  const transport = createSimulatedTransport(options.transport);
  const worldBoxes: Record<string, WorldBox> = {};
  specs.forEach((spec, i) => {
    const box = createSimulatedBox({ board: puck, bundlePath: join('build', 'puckjs', 'firmware.js'), storage: new EspruinoStorage(provisionedFlash(puck, keys[spec.name]!)), seed: i + 1 });
    configure(box, keys[spec.name]!, spec);
    const machine = spec.scenario === SCENARIO.DIGITAL_INTERFACE ? vendingController(box, options.machineAnswer ?? (() => 0)) : undefined;
    transport.addBox(spec.name, machine === undefined ? box : {
      ble: box.ble, connect: box.connect, advance(ms) {
        box.advance(ms);
        machine();
      },
    }, -40 - i * 5);
    worldBoxes[spec.name] = { spec, box, keys: keys[spec.name]! };
  });
  return {
    server, acquirer, kek, dbPath, transport, boxes: worldBoxes, credentials,
    wallet: (o = {}) => createWallet({
      transport, ...(o.logger ? { logger: o.logger } : {}),
      cloud: { baseUrl: server.url, keyId: credentials[o.app ?? 0]!.keyId, signingKey: credentials[o.app ?? 0]!.signingKey, ...(o.fetch ? { fetch: o.fetch } : {}) },
    }),
    async close() {
      await server.close();
      dir.remove();
    },
  };
}

/** The installer's step: the cloud's CONFIG for the box's scenario, applied over the wire protocol. */
function configure(box: SimulatedBox, keys: BoxKeys, spec: ScenarioBox): void {
  const link = new InstallerLink(box, keys).open();
  const receipt = link.config({ scenario: spec.scenario, currency: CURRENCY_JPY, ...spec.config });
  if (receipt.fields.status !== 0) throw new Error(`${spec.name}: CONFIG refused (${String(receipt.fields.detail)})`);
  link.close();
  box.advance(1000);
}
