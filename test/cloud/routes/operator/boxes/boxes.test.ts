import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeKeyFile } from '../../../../../shared/protocol/key-file.ts';
import { loadBoxKeys } from '../../../../../cloud/services/box-keys/index.ts';
import { operatorWorld, type FixtureAccount, type OperatorWorld } from '../../../operator-fixtures.ts';

const A1 = 'aa00000000000001';
const A2 = 'aa00000000000002';
const B1 = 'bb00000000000001';
const HEADER = 'box_id,serial,board,merchant_code,carrier,tracking_number,destination,shipped_at';
const CSV = [HEADER, `${A1},SN-1,puckjs,A0001,Yamato,T1,Osaka,2026-01-31`, `${A2},SN-2,pixljs,A0001,,,,`, `${B1},SN-3,mdbt42q,B0001,,,,`].join('\n');

type Json = Record<string, unknown>;
const json = async (res: Response) => (await res.json()) as Json;
const code = async (res: Response) => ((await json(res)).error as { code: string }).code;

let w: OperatorWorld;
let platform: FixtureAccount;
let ownerA: FixtureAccount;
let viewerA: FixtureAccount;

const test = suite('boxRoutes');

test.before(async () => {
  w = await operatorWorld();
  platform = w.account();
  ownerA = w.account({ merchantId: w.merchants.a, permissions: ['boxes.view', 'boxes.manage'] });
  viewerA = w.account({ merchantId: w.merchants.a, permissions: ['boxes.view'] });
  const res = await w.request(platform, 'POST', '/v1/operator/box-shipments', { body: { csv: CSV } });
  assert.is(res.status, 200);
  assert.equal(await json(res), { imported: 3, created: 3, updated: 0 });
});
test.after(() => w.cleanup());

test('lists a merchant\'s own boxes with filters and a cursor, to anyone holding boxes.view', async () => {
  let res = await w.request(viewerA, 'GET', '/v1/operator/boxes?limit=1');
  assert.is(res.status, 200);
  const first = await json(res);
  assert.equal((first.data as Json[]).map((b) => b.id), [A1]);
  res = await w.request(viewerA, 'GET', `/v1/operator/boxes?limit=1&cursor=${first.nextCursor as string}`);
  const second = await json(res);
  assert.equal([(second.data as Json[]).map((b) => b.id), second.nextCursor], [[A2], null]);
  res = await w.request(platform, 'GET', '/v1/operator/boxes?board=mdbt42q&activated=false');
  assert.equal(((await json(res)).data as Json[]).map((b) => b.id), [B1]);
  res = await w.request(platform, 'GET', '/v1/operator/boxes?limit=500');
  assert.is(res.status, 400);
  assert.is((await w.request(null, 'GET', '/v1/operator/boxes')).status, 401);
});

test('answers another merchant\'s box as not found and a change without boxes.manage as forbidden', async () => {
  let res = await w.request(ownerA, 'GET', `/v1/operator/boxes/${B1}`);
  assert.is(res.status, 404);
  assert.is(await code(res), 'box_not_found');
  res = await w.request(viewerA, 'POST', `/v1/operator/boxes/${A2}/status`, { body: { status: 'blocked' } });
  assert.is(res.status, 403);
  assert.is(await code(res), 'permission_denied');
  res = await w.request(viewerA, 'POST', '/v1/operator/box-shipments', { body: { csv: CSV } });
  assert.is(res.status, 403);
});

test('takes the same CSV as a text/csv body, and no other route takes text/csv', async () => {
  const csv = [HEADER, `${A2},SN-2b,pixljs,A0001,,,,`].join('\n');
  const headers = { authorization: `Bearer ${platform.apiKey}`, 'content-type': 'text/csv; charset=utf-8' };
  const res = await w.app.request('/v1/operator/box-shipments', { method: 'POST', headers, body: csv });
  assert.is(res.status, 200);
  assert.equal(await json(res), { imported: 1, created: 0, updated: 1 });
  const other = await w.app.request(`/v1/operator/boxes/${A2}/status`, { method: 'POST', headers, body: csv });
  assert.equal([other.status, await code(other)], [415, 'unsupported_media_type']);
});

test('refuses a CSV with errors as 422 with every line at fault, importing nothing', async () => {
  const res = await w.request(platform, 'POST', '/v1/operator/box-shipments', { body: { csv: `${HEADER}\ncc00000000000001,SN,esp32,A0001,,,,\ncc00000000000002,SN,puckjs,NOPE,,,,` } });
  assert.is(res.status, 422);
  const body = await json(res);
  assert.is((body.error as Json).code, 'csv_invalid');
  assert.equal((body.errors as Json[]).map((e) => [e.line, e.column, e.code]), [[2, 'board', 'board_invalid']]);
  assert.is(((await json(await w.request(platform, 'GET', '/v1/operator/boxes?idPrefix=cc'))).data as Json[]).length, 0);
});

test('activates, configures, provisions once, rotates and blocks a box, each answering its new state', async () => {
  let res = await w.request(ownerA, 'POST', `/v1/operator/boxes/${A1}/activate`, { body: { storeId: w.stores.a, machineName: 'Washer 3', scenario: 1 } });
  assert.is(res.status, 200);
  assert.equal([(await json(res)).activated, (await w.request(ownerA, 'POST', `/v1/operator/boxes/${A2}/activate`, { body: { storeId: w.stores.b, machineName: 'X', scenario: 1 } })).status], [true, 422]);
  res = await w.request(ownerA, 'PUT', `/v1/operator/boxes/${A1}/config`, { body: { currency: 'JPY', scenario: 1, outputMask: 1, unitSeconds: 60, unitPrice: 100, maxAmount: 3000 } });
  assert.is(res.status, 200);
  assert.is((await json(res)).configVersion, 1);
  res = await w.request(ownerA, 'PUT', `/v1/operator/boxes/${A1}/config`, { body: { currency: 'JPY', scenario: 1, outputMask: 1, unitSeconds: 60, unitPrice: 0, maxAmount: 3000 } });
  assert.equal([res.status, await code(res)], [422, 'config_invalid']);
  res = await w.request(ownerA, 'PUT', `/v1/operator/boxes/${A1}/config`, { body: { currency: 'JPY', scenario: 1, pulseMs: 70000 } });
  assert.equal([res.status, await code(res)], [400, 'parameter_invalid']);

  const masterSecret = Buffer.alloc(32, 9).toString('base64');
  res = await w.request(ownerA, 'POST', `/v1/operator/boxes/${A1}/provision`, { body: { masterSecret } });
  assert.is(res.status, 201);
  assert.is(res.headers.get('cache-control'), 'no-store');
  const bundle = await json(res);
  const files = bundle.files as Record<string, string>;
  assert.equal(Object.keys(files).sort(), ['waygo.cfg', 'waygo.keys']);
  assert.equal(decodeKeyFile(new Uint8Array(Buffer.from(files['waygo.keys']!, 'base64'))), loadBoxKeys(w.db, w.kek, A1, 1));
  res = await w.request(ownerA, 'POST', `/v1/operator/boxes/${A1}/provision`, { body: {} });
  assert.equal([res.status, await code(res)], [409, 'box_already_provisioned']);

  w.clock.advance(1000);
  res = await w.request(ownerA, 'POST', `/v1/operator/boxes/${A1}/rotate-keys`);
  assert.is(res.status, 202);
  assert.is((await json(res)).keyVersion, 2);
  res = await w.request(ownerA, 'POST', `/v1/operator/boxes/${A1}/status`, { body: { status: 'blocked', reason: 'moved out' } });
  assert.is((await json(res)).status, 'blocked');

  const detail = await json(await w.request(viewerA, 'GET', `/v1/operator/boxes/${A1}`));
  assert.equal([detail.keyVersion, detail.configVersion, detail.appliedConfigVersion, detail.pendingCommands], [2, 1, 1, 1]);
  assert.equal((detail.commands as Json[]).map((c) => [c.kind, c.state]), [['key_rotation', 'pending'], ['config', 'superseded']]);
});

test('queues a CLOCK for the box with boxes.manage, another merchant\'s box answering as not found', async () => {
  assert.is((await w.request(viewerA, 'POST', `/v1/operator/boxes/${A2}/clock`)).status, 403);
  assert.is((await w.request(ownerA, 'POST', `/v1/operator/boxes/${B1}/clock`)).status, 404);
  const res = await w.request(ownerA, 'POST', `/v1/operator/boxes/${A2}/clock`);
  assert.is(res.status, 202);
  const queued = await json(res);
  assert.is(queued.boxId, A2);
  const detail = await json(await w.request(viewerA, 'GET', `/v1/operator/boxes/${A2}`));
  assert.equal((detail.commands as Json[]).map((c) => [c.id, c.kind, c.state, c.payload]), [[queued.commandId, 'clock', 'pending', {}]]);
});

test('prints the sticker as SVG and PNG for boxes.manage', async () => {
  assert.is((await w.request(viewerA, 'GET', `/v1/operator/boxes/${A2}/sticker.svg`)).status, 403);
  let res = await w.request(ownerA, 'GET', `/v1/operator/boxes/${A2}/sticker.svg?mcc=7211&country=JP&city=Osaka`);
  assert.is(res.status, 200);
  assert.ok(res.headers.get('content-type')!.startsWith('image/svg+xml'));
  assert.ok((await res.text()).includes(`Box ${A2.toUpperCase()}`));
  res = await w.request(ownerA, 'GET', `/v1/operator/boxes/${A2}/sticker.png`);
  assert.is(res.headers.get('content-type'), 'image/png');
  assert.equal([...new Uint8Array(await res.arrayBuffer()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  res = await w.request(ownerA, 'GET', `/v1/operator/boxes/${A2}/sticker.svg?country=japan`);
  assert.is(res.status, 400);
});

test.run();
