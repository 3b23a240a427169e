import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { advWindow, advertisingIdentity, advertisingIdsFor, clockWindows, unsetWindows } from '../../../../shared/protocol/advertising.ts';
import { AdvertisingTable, nodeHmac } from '../../../../cloud/services/advertising/index.ts';

const T0 = Date.UTC(2030, 0, 1, 12, 5) ; // inside window floor(T0 / 900 s)
const WINDOW_MS = 900_000;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const clockId = (macKey: Uint8Array, unixMs: number) => hex(advertisingIdentity(nodeHmac, macKey, advWindow(unixMs / 1000, 0, 0)).advId);
const unsetId = (macKey: Uint8Array, boot: number, uptimeSeconds: number) => hex(advertisingIdentity(nodeHmac, macKey, advWindow(0, boot, uptimeSeconds)).advId);

function tableWith(count: number) {
  const boxes = Array.from({ length: count }, (_, i) => ({ boxId: i.toString(16).padStart(16, '0'), keys: [{ keyVersion: 1, macKey: new Uint8Array(randomBytes(32)) }] }));
  const table = new AdvertisingTable(nodeHmac, T0);
  for (const box of boxes) table.setBox(box);
  return { table, boxes };
}

const test = suite('AdvertisingTable');

test('resolves the id a box shows in the current window and one either side, not two windows away', () => {
  const { table, boxes } = tableWith(3);
  const box = boxes[1]!;
  for (const offset of [-1, 0, 1]) {
    const found = table.lookup(clockId(box.keys[0]!.macKey, T0 + offset * WINDOW_MS));
    assert.is(found?.boxId, box.boxId);
    assert.equal(found?.window, { clockSet: true, counter: Math.floor(T0 / WINDOW_MS) + offset, epoch: 0 });
    assert.is(found?.keyVersion, 1);
  }
  for (const offset of [-2, 2]) assert.is(table.lookup(clockId(box.keys[0]!.macKey, T0 + offset * WINDOW_MS)), undefined);
});

test('holds 3 clock ids and 8 clock-unset ids per box key', () => {
  assert.is(tableWith(5).table.size, 5 * 11);
});

test('resolves clock-unset ids of the first two boots in every epoch, and moves on once a later boot is seen', () => {
  const { table, boxes } = tableWith(2);
  const key = boxes[0]!.keys[0]!.macKey;
  for (const [boot, uptime] of [[0, 0], [1, 900], [1, 3 * 3600]] as const) {
    assert.equal(table.lookup(unsetId(key, boot, uptime))?.window, advWindow(0, boot, uptime));
  }
  assert.is(table.lookup(unsetId(key, 2, 0)), undefined);
  table.sawBoot(boxes[0]!.boxId, 1);
  assert.is(table.lookup(unsetId(key, 0, 0)), undefined);
  assert.is(table.lookup(unsetId(key, 2, 1800))?.boxId, boxes[0]!.boxId);
  assert.is(table.size, 2 * 11);
});

test('rolling forward adds the next window and drops the oldest without touching the other boxes', () => {
  const { table, boxes } = tableWith(4);
  const key = boxes[2]!.keys[0]!.macKey;
  const now = Math.floor(T0 / WINDOW_MS);
  table.rollTo(T0 + WINDOW_MS);
  assert.equal(table.clockWindows(), [now, now + 1, now + 2]);
  assert.is(table.lookup(clockId(key, T0 - WINDOW_MS)), undefined);
  assert.is(table.lookup(clockId(key, T0 + 2 * WINDOW_MS))?.boxId, boxes[2]!.boxId);
  assert.is(table.size, 4 * 11);
  table.rollTo(T0 + 10 * WINDOW_MS);
  assert.equal(table.clockWindows(), [now + 9, now + 10, now + 11]);
  assert.is(table.lookup(clockId(key, T0 + 10 * WINDOW_MS))?.window.counter, now + 10);
  assert.is(table.size, 4 * 11);
});

test('keeps both keys of a rotating box and drops a removed box entirely', () => {
  const { table, boxes } = tableWith(2);
  const box = boxes[0]!;
  const next = { keyVersion: 2, macKey: new Uint8Array(randomBytes(32)) };
  table.setBox({ boxId: box.boxId, keys: [next, box.keys[0]!] });
  assert.is(table.lookup(clockId(next.macKey, T0))?.keyVersion, 2);
  assert.is(table.lookup(clockId(box.keys[0]!.macKey, T0))?.keyVersion, 1);
  table.setBox({ boxId: box.boxId, keys: [next] });
  assert.is(table.lookup(clockId(box.keys[0]!.macKey, T0)), undefined);
  table.removeBox(box.boxId);
  assert.is(table.lookup(clockId(next.macKey, T0)), undefined);
  assert.is(table.size, 11);
});

test('holds exactly the ids the protocol reference computes, for any keys and time', () => {
  fc.assert(fc.property(fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1e12, max: 4e12 }), (keys, unixMs) => {
    const table = new AdvertisingTable(nodeHmac, unixMs);
    keys.forEach((macKey, i) => table.setBox({ boxId: String(i), keys: [{ keyVersion: 1, macKey }] }));
    const expected = advertisingIdsFor(nodeHmac, keys.map((macKey) => ({ macKey })), [...clockWindows(unixMs / 1000), ...unsetWindows(-1)]);
    assert.is(table.size, Object.keys(expected).length);
    for (const [id, match] of Object.entries(expected)) {
      const found = table.lookup(id);
      assert.is(found?.boxId, String(match.box));
      assert.equal(found?.window, match.window);
    }
  }), { numRuns: 30 });
});

test.run();
