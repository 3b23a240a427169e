import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { advWindow, advertisingIdentity, encodeAdvertising } from '../../../../shared/protocol/advertising.ts';
import { FLAG } from '../../../../shared/protocol/constants.ts';
import { boxSessions } from '../../../../cloud/db/schema/index.ts';
import { openAdvertisingIndex, nodeHmac, startAdvertisingRefresher } from '../../../../cloud/services/advertising/index.ts';
import { rotateBoxKey } from '../../../../cloud/services/box-keys/index.ts';
import { signed } from '../../wallet-client.ts';
import { BOX, OTHER_BOX, errorOf, walletWorld } from '../../wallet-world.ts';

const WINDOW_MS = 900_000;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** The seeded world with the advertising index on a clock the test moves. */
function advertisingWorld() {
  const world = walletWorld();
  const clock = { ms: Date.UTC(2030, 0, 1, 12, 5) };
  const index = openAdvertisingIndex(world.database.db, world.kek, { now: () => clock.ms });
  const resolve = (body: unknown) => world.app.request('/v1/wallet/resolve', signed(world.wallet, 'POST', '/v1/wallet/resolve', body));
  /** What the box firmware advertises at `unixMs` (clock set) or, with unixMs 0, at its boot and uptime. */
  const shown = (macKey: Uint8Array, unixMs: number, boot = 0, uptimeSeconds = 0) => advertisingIdentity(nodeHmac, macKey, advWindow(unixMs / 1000, boot, uptimeSeconds)).advId;
  return { ...world, clock, index, resolve, shown };
}

async function boxOf(res: Response): Promise<string> {
  assert.is(res.status, 200);
  return ((await res.json()) as { box: { id: string } }).box.id;
}

const test = suite('resolveRoutes by advertising');

test('resolves the id a box advertises in the current window and one either side, not two windows away', async () => {
  const { resolve, shown, keys, clock, database } = advertisingWorld();
  const macKey = keys[BOX]!.macKey;
  for (const offset of [-1, 0, 1]) assert.is(await boxOf(await resolve({ advertisingId: hex(shown(macKey, clock.ms + offset * WINDOW_MS)).toUpperCase() })), BOX);
  for (const offset of [-2, 2]) {
    const res = await resolve({ advertisingId: hex(shown(macKey, clock.ms + offset * WINDOW_MS)) });
    assert.is(res.status, 404);
    assert.equal(await errorOf(res), { type: 'invalid_request_error', code: 'advertising_id_unknown', message: 'no box advertises this id now', param: 'advertisingId' });
  }
  database.close();
});

test('answers the manufacturer data with the same body as the box id, with or without the company id', async () => {
  const { resolve, shown, keys, clock, database } = advertisingWorld();
  const data = encodeAdvertising({ flags: FLAG.ACTIVATED, advId: shown(keys[OTHER_BOX]!.macKey, clock.ms) });
  const byId = await (await resolve({ boxId: OTHER_BOX })).json();
  assert.equal(await (await resolve({ advertising: hex(data) })).json(), byId);
  assert.equal(await (await resolve({ advertising: Buffer.concat([Buffer.from([0xff, 0xff]), data]).toString('base64') })).json(), byId);
  database.close();
});

test('resolves a clock-unset id through the unset table and refuses it under the wrong flag', async () => {
  const { resolve, shown, keys, database } = advertisingWorld();
  const advId = shown(keys[BOX]!.macKey, 0, 1, 2000);
  assert.is(await boxOf(await resolve({ advertising: hex(encodeAdvertising({ flags: FLAG.ACTIVATED | FLAG.CLOCK_UNSET, advId })) })), BOX);
  const res = await resolve({ advertising: hex(encodeAdvertising({ flags: FLAG.ACTIVATED, advId })) });
  assert.is((await errorOf(res)).code, 'advertising_id_unknown');
  database.close();
});

test('keeps the previous key of a rotated box until a HELLO under the new version shows it has moved', async () => {
  const { resolve, shown, keys, clock, database, index, kek } = advertisingWorld();
  const old = shown(keys[BOX]!.macKey, clock.ms);
  const next = rotateBoxKey(database.db, BOX, { kek, actor: 'operator:test' });
  index.refreshBox(BOX);
  assert.is(await boxOf(await resolve({ advertisingId: hex(old) })), BOX);
  assert.is(await boxOf(await resolve({ advertisingId: hex(shown(next.keys.macKey, clock.ms)) })), BOX);
  const walletAppId = database.db.query.walletApps.findFirst().sync()!.id;
  database.db.insert(boxSessions).values({
    id: 'ss_1', boxId: BOX, walletAppId, keyVersion: next.keyVersion, boxNonce: '00'.repeat(16), counter: 0, flags: 1,
    firmwareVersion: 1, boxClock: 0, rights: 1, createdAt: 1, ticketExpiresAt: 2,
  }).run();
  index.refreshBox(BOX);
  assert.is((await resolve({ advertisingId: hex(old) })).status, 404);
  assert.is(await boxOf(await resolve({ advertisingId: hex(shown(next.keys.macKey, clock.ms)) })), BOX);
  database.close();
});

test('the refresher rolls the windows as the clock moves and stops on request', async () => {
  const { resolve, shown, keys, clock, database, index } = advertisingWorld();
  const first = shown(keys[BOX]!.macKey, clock.ms - WINDOW_MS);
  clock.ms += WINDOW_MS;
  const refresher = startAdvertisingRefresher(index, (err) => assert.unreachable(String(err)));
  refresher.stop();
  assert.is(index.table.clockWindows()[0], Math.floor(clock.ms / WINDOW_MS) - 1);
  assert.is((await resolve({ advertisingId: hex(first) })).status, 404);
  assert.is(await boxOf(await resolve({ advertisingId: hex(shown(keys[BOX]!.macKey, clock.ms + WINDOW_MS)) })), BOX);
  database.close();
});

test('refuses manufacturer data that is not a WayGo advertisement with 400', async () => {
  const { resolve, database } = advertisingWorld();
  for (const advertising of ['02' + '00'.repeat(9), '0100', 'zz']) {
    const res = await resolve({ advertising });
    assert.is(res.status, 400);
    assert.ok(['advertising_invalid', 'parameter_invalid'].includes((await errorOf(res)).code));
  }
  database.close();
});

test('answers random advertising bodies with a 4xx or 2xx, never a 5xx', async () => {
  const { resolve, database } = advertisingWorld();
  const body = fc.oneof(
    fc.record({ advertisingId: fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-fA-F]{16}$/)) }),
    fc.record({ advertising: fc.oneof(fc.string(), fc.uint8Array({ maxLength: 14 }).map((b) => Buffer.from(b).toString('hex'))) }),
    fc.record({ advertising: fc.uint8Array({ minLength: 8, maxLength: 8 }).map((id) => hex(encodeAdvertising({ flags: 0xf, advId: id }))) }),
    fc.record({ advertisingId: fc.string(), advertising: fc.string(), boxId: fc.string() }, { requiredKeys: [] }),
  );
  await fc.assert(fc.asyncProperty(body, async (value) => {
    const res = await resolve(value);
    assert.ok(res.status < 500, `answered ${res.status} to ${JSON.stringify(value)}`);
  }), { numRuns: 150 });
  database.close();
});

test.run();
