import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { auditLog, boxCommands, boxes, walletApps } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { activateBox, configureBox, importShipments, setBoxStatus } from '../../../../cloud/services/box-admin/index.ts';
import { listAudit } from '../../../../cloud/services/authority/index.ts';
import { checkControls } from '../../../../cloud/services/payments/controls.ts';
import { createWalletApp } from '../../../../cloud/services/wallet-apps/index.ts';
import { OWNER_A, OWNER_B, PLATFORM, adminWorld, shippedIds, shippingCsv } from './world.ts';

const BOX = shippedIds('aa', 1)[0]!;
const WASHER = { scenario: 1, outputMask: 1, activeLevels: 1, unitSeconds: 60, unitPrice: 100, maxAmount: 3000 };

function world() {
  const w = adminWorld();
  importShipments(w.db, PLATFORM, shippingCsv([{ id: BOX, code: 'A0001' }]), w.now);
  return w;
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof CloudError ? err.code : String(err);
  }
};
const actions = (w: ReturnType<typeof world>) => w.db.select({ action: auditLog.action }).from(auditLog).all().map((r) => r.action);

const configure = suite('configureBox');

configure('stores the CONFIG under the next version, takes its scenario and queues one CONFIG telegram, superseding the last', () => {
  const w = world();
  const first = configureBox(w.db, OWNER_A, BOX, { currency: 'JPY', fields: WASHER }, w.now);
  assert.is(first.configVersion, 1);
  assert.is(first.config.currency, 392);
  assert.is(first.config.pulseMs, 0, 'an absent field is 0');
  const second = configureBox(w.db, OWNER_A, BOX, { currency: 'JPY', fields: { ...WASHER, unitPrice: 200, rssiMin: 70 } }, w.now);
  const row = w.db.select().from(boxes).where(eq(boxes.id, BOX)).get()!;
  assert.equal([row.configVersion, row.scenario, row.rssiMin, row.config!.unitPrice], [2, 1, -70, 200]);
  const commands = w.db.select().from(boxCommands).all();
  assert.equal(commands.map((c) => [c.id, c.state]).sort(), [[first.commandId, 'superseded'], [second.commandId, 'pending']].sort());
  assert.equal(actions(w).filter((a) => a === 'box.configured').length, 2);
  w.database.close();
});

configure('records the box\'s merchant in its audit rows, so that merchant\'s audit page lists them and no other merchant\'s does', () => {
  const w = world();
  configureBox(w.db, OWNER_A, BOX, { currency: 'JPY', fields: WASHER }, w.now);
  const seen = (principal: typeof OWNER_A) => listAudit(w.db, principal, { action: 'box.configured' }).data.map((r) => r.subjectId);
  assert.equal(seen(OWNER_A), [BOX]);
  assert.equal(seen(OWNER_B), []);
  w.database.close();
});

configure('refuses what the box would refuse, an out-of-range or unknown field and an unknown currency, changing nothing', () => {
  const w = world();
  const attempt = (currency: string, fields: Record<string, number>) => codeOf(() => configureBox(w.db, OWNER_A, BOX, { currency, fields }, w.now));
  assert.is(attempt('JPY', { ...WASHER, unitPrice: 0 }), 'config_invalid');
  assert.is(attempt('JPY', { ...WASHER, outputMask: 16 }), 'config_invalid');
  assert.is(attempt('JPY', { ...WASHER, pulseMs: 70000 }), 'config_invalid');
  assert.is(attempt('JPY', { ...WASHER, colour: 1 }), 'config_invalid');
  assert.is(attempt('XXX', WASHER), 'currency_unsupported');
  assert.is(codeOf(() => configureBox(w.db, OWNER_B, BOX, { currency: 'JPY', fields: WASHER }, w.now)), 'box_not_found');
  assert.is(w.db.select().from(boxes).where(eq(boxes.id, BOX)).get()!.configVersion, 0);
  assert.is(w.db.select().from(boxCommands).all().length, 0);
  w.database.close();
});

configure.run();

const activate = suite('activateBox');

activate('places a shipped box in a store of its merchant with its machine and scenario, once', () => {
  const w = world();
  activateBox(w.db, OWNER_A, BOX, { storeId: 's_a', machineName: 'Washer 3', scenario: 1 }, w.now + 5);
  const row = w.db.select().from(boxes).where(eq(boxes.id, BOX)).get()!;
  assert.equal([row.storeId, row.machineName, row.scenario, row.status, row.activatedAt], ['s_a', 'Washer 3', 1, 'active', w.now + 5]);
  assert.is(codeOf(() => activateBox(w.db, OWNER_A, BOX, { storeId: 's_a', machineName: 'Again', scenario: 1 }, w.now)), 'box_already_activated');
  assert.ok(actions(w).includes('box.activated'));
  w.database.close();
});

activate('refuses another merchant\'s store, another merchant\'s box and a blocked box', () => {
  const w = world();
  const input = { storeId: 's_b', machineName: 'Crane', scenario: 2 };
  assert.is(codeOf(() => activateBox(w.db, PLATFORM, BOX, input, w.now)), 'store_not_found');
  assert.is(codeOf(() => activateBox(w.db, OWNER_B, BOX, input, w.now)), 'box_not_found');
  setBoxStatus(w.deps, PLATFORM, BOX, { status: 'blocked' }, w.now);
  assert.is(codeOf(() => activateBox(w.db, OWNER_A, BOX, { ...input, storeId: 's_a' }, w.now)), 'box_blocked');
  w.database.close();
});

activate.run();

const status = suite('setBoxStatus');

status('puts a blocked, lost or stolen box on the payment controls\' deny list and takes it off when unblocked', () => {
  const w = world();
  activateBox(w.db, OWNER_A, BOX, { storeId: 's_a', machineName: 'Washer 3', scenario: 1 }, w.now);
  const app = createWalletApp(w.db, 'Pay App', { kek: w.kek, actor: 'operator:test' });
  const wallet = w.db.select().from(walletApps).where(eq(walletApps.id, app.id)).get()!;
  const verdict = () => checkControls(w.db, w.db.select().from(boxes).where(eq(boxes.id, BOX)).get()!, wallet, 100, w.now);
  assert.ok(verdict().allow);
  for (const [to, code] of [['blocked', 'box_blocked'], ['lost', 'box_lost'], ['stolen', 'box_stolen']] as const) {
    setBoxStatus(w.deps, OWNER_A, BOX, { status: to, reason: 'call from the store' }, w.now);
    assert.is(verdict().code, code);
  }
  setBoxStatus(w.deps, OWNER_A, BOX, { status: 'active' }, w.now);
  assert.ok(verdict().allow);
  assert.equal(actions(w).filter((a) => a.startsWith('box.') && a !== 'box.activated' && a !== 'box.shipments_imported'),
    ['box.blocked', 'box.marked_lost', 'box.marked_stolen', 'box.unblocked']);
  w.database.close();
});

status('leaves a retired box retired and another merchant\'s box unseen', () => {
  const w = world();
  w.db.update(boxes).set({ status: 'retired' }).where(eq(boxes.id, BOX)).run();
  assert.is(codeOf(() => setBoxStatus(w.deps, PLATFORM, BOX, { status: 'active' }, w.now)), 'box_retired');
  assert.is(codeOf(() => setBoxStatus(w.deps, OWNER_B, BOX, { status: 'blocked' }, w.now)), 'box_not_found');
  w.database.close();
});

status.run();
