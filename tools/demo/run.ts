// The demo from an empty directory to six paid boxes: a cloud on a fresh SQLite file, the operator's world seeded,
// six simulated boxes flashed and provisioned, their configuration set through the operator API and carried to
// each box by CONFIG telegram, and one customer payment at each with the OpenWallet SDK.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadConfig } from '../../cloud/config/index.ts';
import { migrateDatabase } from '../../cloud/db/migrate.ts';
import { openDatabase } from '../../cloud/db/open.ts';
import { startServer, type RunningServer } from '../../cloud/server.ts';
import type { PaymentResult } from '../../sdk/index.ts';
import { openBoxLink } from './box-link.ts';
import { deliverCommands, setConfiguration } from './commands.ts';
import { customerWallet, payAtMachine } from './customer.ts';
import { bringUpBox, type DemoBox } from './fleet.ts';
import { describeOutcome } from './outcome.ts';
import { provisionThroughCloud } from './provision.ts';
import { MACHINES } from './scenarios.ts';
import { openSession, walletClient } from './wallet.ts';
import { seedDemoWorld, type DemoWorld } from './world.ts';

export interface DemoOptions {
  /** Where the cloud's database file goes. */
  dir: string;
  buildDir: string;
  /** 0 picks a free port. */
  port: number;
  print(line: string): void;
}

export interface BoxResult {
  box: DemoBox;
  ok: boolean;
  payment?: PaymentResult;
  outcome: string;
}

export interface RunningDemo {
  url: string;
  world: DemoWorld;
  results: BoxResult[];
  close(): Promise<void>;
}

const quiet = { info: () => undefined, error: () => undefined };

function money(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function seed(path: string, kek: Parameters<typeof seedDemoWorld>[1]['kek']): Promise<DemoWorld> {
  const database = openDatabase(path);
  try {
    migrateDatabase(database);
    return await seedDemoWorld(database, { kek, login: { email: 'operator@demo.waygo.test', password: `demo-${randomBytes(9).toString('base64url')}` } });
  } finally {
    database.close();
  }
}

/** An installer's phone at the box: a wallet session, which carries the commands the cloud owes the box. */
async function carryCommands(url: string, world: DemoWorld, demoBox: DemoBox): Promise<string[]> {
  const link = openBoxLink(demoBox.box);
  try {
    const call = walletClient(url, world.wallet);
    const session = await openSession(call, link, demoBox.machine.boxId);
    return await deliverCommands(call, link, session.sessionId, session.rights);
  } finally {
    link.close();
  }
}

function formatResult(r: BoxResult): string {
  const m = r.box.machine;
  const head = `${m.machineName.padEnd(17)} ${m.board.padEnd(8)} ${m.label.padEnd(22)}`;
  if (r.payment === undefined) return `   FAIL ${head} ${r.outcome}`;
  const p = r.payment.payment;
  return `   ${r.ok ? 'PAID' : 'FAIL'} ${head} ${p.currency} ${money(p.amountMinor).padStart(7)}  ${p.state}/${r.payment.outcome}  ${r.outcome}`;
}

export async function runDemo(options: DemoOptions): Promise<RunningDemo> {
  const path = join(options.dir, 'demo.sqlite');
  const config = loadConfig({ env: { WAYGO_DB: path, WAYGO_PORT: String(options.port), WAYGO_HOST: '127.0.0.1', WAYGO_KEK: randomBytes(32).toString('hex') } });
  const world = await seed(path, config.kek);
  options.print(`1. Cloud on ${path}: a merchant, its store and merchandise, six boxes, an operator and a wallet app`);
  const server: RunningServer = await startServer({ config, logger: quiet });
  try {
    options.print('2. Boxes flashed with build/<board>/firmware.min.js and provisioned through POST /v1/operator/boxes/:id/provision:');
    const fleet: DemoBox[] = [];
    for (const [i, machine] of MACHINES.entries()) {
      fleet.push(await bringUpBox(machine, { buildDir: options.buildDir, provision: (id) => provisionThroughCloud(server.url, world.apiKey, id) }, i + 1));
      options.print(`   ${machine.boxId}  ${machine.board.padEnd(8)} ${machine.machineName}`);
    }
    options.print('3. Configured through PUT /v1/operator/boxes/:id/config; a wallet session carries each CONFIG telegram:');
    for (const demoBox of fleet) {
      await setConfiguration(server.url, world.apiKey, demoBox.machine);
      const delivered = await carryCommands(server.url, world, demoBox);
      options.print(`   ${demoBox.machine.machineName.padEnd(17)} ${demoBox.machine.label.padEnd(22)} ${delivered.join(', ')}`);
    }
    options.print('4. A customer pays at each box with the OpenWallet SDK (scan, resolve, HELLO, AUTH, IV, pay, telegram, receipt):');
    const customer = customerWallet(server.url, world.wallet, fleet);
    const results: BoxResult[] = [];
    for (const demoBox of fleet) {
      const from = demoBox.box.now();
      let result: BoxResult;
      try {
        const payment = await payAtMachine(customer, demoBox);
        // Let the machine action play out (pulse series, locker pulse) before describing it.
        demoBox.box.advance(2000);
        result = { box: demoBox, ok: payment.outcome === 'ok' && payment.payment.state === 'finish', payment, outcome: describeOutcome(demoBox.box, from) };
      } catch (err) {
        result = { box: demoBox, ok: false, outcome: message(err) };
      }
      results.push(result);
      options.print(formatResult(result));
    }
    return { url: server.url, world, results, close: () => server.close() };
  } catch (err) {
    await server.close();
    throw err;
  }
}
