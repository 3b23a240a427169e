// A seeded cloud with the simulator acquirer and a clock the test moves, plus the box's side of a payment
// (IV, telegram, receipt) played with shared/protocol.
import { buildApp } from '../../../../cloud/app.ts';
import { createSimulatorAcquirer } from '../../../../cloud/acquirers/index.ts';
import type { Acquirer } from '../../../../cloud/acquirers/index.ts';
import { merchandise } from '../../../../cloud/db/schema/index.ts';
import { migratedDatabase } from '../../fixtures.ts';
import { signed } from '../../wallet-client.ts';
import { seedWorld } from '../../wallet-world.ts';

export { PaymentBox } from '../../box-player.ts';

const quiet = { info: () => undefined, error: () => undefined };

/** Test merchandise in store s_1 whose prices are the simulator's magic amounts. */
export const MAGIC_SKUS = { DECLINE: 951, PENDING: 968 } as const;

export function paymentWorld(acquirer: Acquirer = createSimulatorAcquirer()) {
  const database = migratedDatabase(':memory:');
  const world = seedWorld(database);
  database.db.insert(merchandise).values(Object.entries(MAGIC_SKUS).map(([sku, priceMinor]) => ({
    id: `g_${sku}`, storeId: 's_1', sku, name: sku, priceMinor, currency: 'JPY', scenarioParams: {}, createdAt: 1,
  }))).run();
  const clock = { ms: Date.now() };
  const now = () => clock.ms;
  const app = buildApp({ db: database.db, kek: world.kek, bodyLimit: 65536, version: 'test', logger: quiet, now, acquirer });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, signed(world.wallet, 'POST', path, body, { headers, timestamp: Math.floor(clock.ms / 1000) }));
  const get = (path: string) => app.request(path, signed(world.wallet, 'GET', path, undefined, { timestamp: Math.floor(clock.ms / 1000) }));
  return { ...world, database, app, clock, now, acquirer, post, get, deps: { db: database.db, kek: world.kek, acquirer, now } };
}
