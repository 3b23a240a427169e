// A real cloud for the browser tests: the server on a port, a SQLite file, a platform administrator, and
// payments driven through the wallet API (so the simulator acquirer really charged them and can refund them).
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../../../../cloud/config/index.ts';
import { openDatabase, type OpenDatabase } from '../../../../cloud/db/index.ts';
import { boxes, merchants, payments } from '../../../../cloud/db/schema/index.ts';
import { startServer, type RunningServer } from '../../../../cloud/server.ts';
import { createPlatformAdmin } from '../../../../cloud/services/authority/bootstrap.ts';
import { payOnce, type ClientBox } from '../../../../tools/cloud-load/flows.ts';
import { httpClient } from '../../../../tools/cloud-load/http.ts';
import { tempDir } from '../../fixtures.ts';
import { BOX, OTHER_BOX, seedWorld } from '../../wallet-world.ts';

export const ADMIN = { email: 'admin@laundry.example', password: 'wash-and-dry-2026' };
export const MERCHANT_CODE = '2018080801';
const DAY = 86_400_000;
const quiet = { info: () => undefined, error: () => undefined };

export interface BrowserWorld {
  url: string;
  database: OpenDatabase;
  server: RunningServer;
  /** Payment ids newest first, with their amounts (JPY) and how many days ago they were made. */
  paid: { id: string; amountMinor: number; daysAgo: number }[];
  close(): Promise<void>;
}

/** Moves a payment and its history back in time: reports and date filters need more than one day. */
function backdate(database: OpenDatabase, id: string, days: number): void {
  const shift = days * DAY;
  const row = database.db.select({ createdAt: payments.createdAt, updatedAt: payments.updatedAt }).from(payments).where(eq(payments.id, id)).get();
  if (!row || shift === 0) return;
  database.db.update(payments).set({ createdAt: row.createdAt - shift, updatedAt: row.updatedAt - shift }).where(eq(payments.id, id)).run();
  database.sqlite.prepare('update payment_events set created_at = created_at - ? where payment_id = ?').run(shift, id);
}

export async function startBrowserWorld(): Promise<BrowserWorld> {
  const dir = tempDir();
  const path = join(dir.path, 'site.sqlite');
  const config = loadConfig({ env: { WAYGO_DB: path, WAYGO_PORT: '0', WAYGO_HOST: '127.0.0.1', WAYGO_KEK: 'ab'.repeat(32) } });
  const server = await startServer({ config, logger: quiet, sweepIntervalMs: 3_600_000, webhookIntervalMs: 3_600_000 });
  const database = openDatabase(path);
  const world = seedWorld(database, config.kek);
  database.db.update(merchants).set({ code: MERCHANT_CODE }).where(eq(merchants.id, 'm_1')).run();
  database.db.update(boxes).set({ merchantId: 'm_1', machineName: 'Washer 1' }).where(eq(boxes.id, BOX)).run();
  database.db.update(boxes).set({ merchantId: 'm_1', machineName: 'Dryer 2' }).where(eq(boxes.id, OTHER_BOX)).run();
  await createPlatformAdmin(database.db, ADMIN);

  const client = httpClient(server.url, 1);
  const clients: Record<string, ClientBox> = {
    [BOX]: { keys: world.keys[BOX]!, boxId: BOX, wallet: world.wallet, counter: 5 },
    [OTHER_BOX]: { keys: world.keys[OTHER_BOX]!, boxId: OTHER_BOX, wallet: world.wallet, counter: 5 },
  };
  const plan = [
    { box: BOX, sku: 'WASH-30', amountMinor: 300, daysAgo: 2 },
    { box: OTHER_BOX, sku: 'DRY-10', amountMinor: 100, daysAgo: 1 },
    { box: BOX, sku: 'WASH-30', amountMinor: 300, daysAgo: 0 },
    { box: OTHER_BOX, sku: 'DRY-10', amountMinor: 100, daysAgo: 0 },
  ];
  const paid: BrowserWorld['paid'] = [];
  for (const step of plan) {
    await payOnce(client, clients[step.box]!, step.sku, () => undefined);
    const latest = database.sqlite.prepare('select id from payments order by rowid desc limit 1').get() as { id: string };
    backdate(database, latest.id, step.daysAgo);
    paid.unshift({ id: latest.id, amountMinor: step.amountMinor, daysAgo: step.daysAgo });
  }
  client.close();
  return {
    url: server.url,
    database,
    server,
    paid,
    async close() {
      database.close();
      await server.close();
      dir.remove();
    },
  };
}
