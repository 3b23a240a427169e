import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { activateBox, configureBox, getBox, importShipments, listBoxes, setBoxStatus } from '../../../../cloud/services/box-admin/index.ts';
import { OWNER_A, OWNER_B, PLATFORM, adminWorld, shippedIds, shippingCsv } from './world.ts';

function shipped() {
  const w = adminWorld();
  const a = shippedIds('aa', 3);
  const b = shippedIds('bb', 2);
  importShipments(w.db, PLATFORM, shippingCsv([...a.map((id) => ({ id, code: 'A0001' })), ...b.map((id) => ({ id, code: 'B0001', board: 'pixljs' }))]), w.now);
  activateBox(w.db, OWNER_A, a[0]!, { storeId: 's_a', machineName: 'Washer 3', scenario: 1 }, w.now);
  return { ...w, a, b };
}

const ids = (page: { data: { id: string }[] }) => page.data.map((b) => b.id);

const list = suite('listBoxes');

list('shows a merchant account only its own boxes and the platform all of them', () => {
  const w = shipped();
  assert.equal(ids(listBoxes(w.db, OWNER_A, {})), w.a);
  assert.equal(ids(listBoxes(w.db, OWNER_B, {})), w.b);
  assert.equal(ids(listBoxes(w.db, PLATFORM, {})), [...w.a, ...w.b]);
  assert.equal(ids(listBoxes(w.db, OWNER_A, { merchantId: 'm_b' })), [], 'a merchant filter cannot widen a merchant account');
  w.database.close();
});

list('finds boxes by id prefix, serial, machine name, store, status, scenario, board and activation', () => {
  const w = shipped();
  setBoxStatus(w.deps, PLATFORM, w.b[1]!, { status: 'lost' }, w.now);
  assert.equal(ids(listBoxes(w.db, PLATFORM, { q: 'washer' })), [w.a[0]]);
  assert.equal(ids(listBoxes(w.db, PLATFORM, { q: 'BB' })), w.b);
  assert.equal(ids(listBoxes(w.db, PLATFORM, { serial: 'SN-0002-1' })), [w.a[1]]);
  assert.equal(ids(listBoxes(w.db, PLATFORM, { idPrefix: 'AA0000000000000' })), w.a);
  assert.equal(ids(listBoxes(w.db, PLATFORM, { storeId: 's_a' })), [w.a[0]]);
  assert.equal(ids(listBoxes(w.db, PLATFORM, { status: 'lost' })), [w.b[1]]);
  assert.equal(ids(listBoxes(w.db, PLATFORM, { scenario: 1 })), [w.a[0]]);
  assert.equal(ids(listBoxes(w.db, PLATFORM, { board: 'pixljs' })), w.b);
  assert.equal(ids(listBoxes(w.db, PLATFORM, { activated: false })).length, 4);
  assert.equal(ids(listBoxes(w.db, PLATFORM, { machineName: '%' })), [], 'LIKE wildcards are matched literally');
  w.database.close();
});

list('pages by box id with an opaque cursor and refuses a cursor it did not hand out', () => {
  const w = shipped();
  const first = listBoxes(w.db, PLATFORM, { limit: 2 });
  assert.equal(ids(first), w.a.slice(0, 2));
  const second = listBoxes(w.db, PLATFORM, { limit: 2, cursor: first.nextCursor! });
  const third = listBoxes(w.db, PLATFORM, { limit: 2, cursor: second.nextCursor! });
  assert.equal([...ids(first), ...ids(second), ...ids(third)], [...w.a, ...w.b]);
  assert.is(third.nextCursor, null);
  assert.throws(() => listBoxes(w.db, PLATFORM, { cursor: 'garbage' }), (err: unknown) => err instanceof CloudError && err.code === 'cursor_invalid');
  w.database.close();
});

list('tells what the box reported and what it still owes: configuration set vs applied, pending commands', () => {
  const w = shipped();
  configureBox(w.db, OWNER_A, w.a[0]!, { currency: 'JPY', fields: { scenario: 6, maxAmount: 10000 } }, w.now);
  const [row] = listBoxes(w.db, OWNER_A, { q: 'Washer' }).data;
  assert.equal(row, {
    id: w.a[0]!, merchantId: 'm_a', merchantName: 'Laundry Corner', storeId: 's_a', storeName: 'Main Street', board: 'puckjs', serial: 'SN-0001-0',
    machineName: 'Washer 3', scenario: { code: 6, name: 'merchant_counter' }, status: 'active', activated: true, activatedAt: w.now, lastSeenAt: null,
    firmwareVersion: null, batteryPercent: null, keyVersion: null, configVersion: 1, appliedConfigVersion: 0, pendingCommands: 1, createdAt: w.now,
  });
  w.database.close();
});

list.run();

const detail = suite('getBox');

detail('adds configuration, shipment, keys and recent commands, and hides another merchant\'s box as missing', () => {
  const w = shipped();
  configureBox(w.db, OWNER_A, w.a[0]!, { currency: 'JPY', fields: { scenario: 6, maxAmount: 10000 } }, w.now);
  const box = getBox(w.db, OWNER_A, w.a[0]!.toUpperCase());
  assert.is(box.config!.maxAmount, 10000);
  assert.is(box.shipment!.carrier, 'Yamato');
  assert.equal(box.commands.map((c) => [c.kind, c.state]), [['config', 'pending']]);
  assert.equal(box.keys, []);
  for (const id of [w.b[0]!, 'ffffffffffffffff', 'nonsense']) {
    assert.throws(() => getBox(w.db, OWNER_A, id), (err: unknown) => err instanceof CloudError && err.code === 'box_not_found', id);
  }
  w.database.close();
});

detail.run();
