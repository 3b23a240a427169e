import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { auditLog, boxCommands, boxes } from '../../../../../cloud/db/schema/index.ts';
import { accessibilityProblems } from '../../a11y.ts';
import { assertBothLocales, assertGated, okPage } from '../../page-checks.ts';
import { MERCHANT_A, MERCHANT_B, siteWorld } from '../../site-world.ts';

const world = siteWorld();
const manager = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view', 'boxes.manage'] });
const managerZh = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view', 'boxes.manage'], locale: 'zh-TW' });
const viewer = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view'] });
const A1 = '00000000000000a1';
const B1 = '00000000000000b1';
world.db.insert(boxes).values([
  { id: A1, merchantId: MERCHANT_A, board: 'puckjs', scenario: 0, createdAt: 1 },
  { id: B1, merchantId: MERCHANT_B, board: 'pixljs', scenario: 0, createdAt: 1 },
]).run();

const CSV_HEADER = 'box_id,serial,board,merchant_code,carrier,tracking_number,destination,shipped_at';

function upload(csv: string, who = manager): Promise<Response> {
  const form = new FormData();
  form.set('_csrf', who.csrf);
  form.set('csv', new File([csv], 'shipment.csv', { type: 'text/csv' }));
  return Promise.resolve(world.app.request('/admin/boxes/import', { method: 'POST', body: form, headers: { cookie: who.cookie } }));
}

const pages = suite('box pages');

pages('the list and a box page need boxes.view; the import page boxes.manage', async () => {
  await assertGated(world, '/admin/boxes', 'boxes.view');
  await assertGated(world, `/admin/boxes/${A1}`, 'boxes.view');
  await assertGated(world, '/admin/boxes/import', 'boxes.manage');
});

pages('each renders accessibly in English and Chinese', async () => {
  for (const path of ['/admin/boxes', `/admin/boxes/${A1}`, '/admin/boxes/import']) {
    assert.match(await assertBothLocales(world, path, manager, managerZh), '設備管理');
  }
});

pages('the list shows the merchant\'s own boxes only and filters by board', async () => {
  const html = await okPage(await world.get('/admin/boxes', manager));
  assert.match(html, A1);
  assert.not.match(html, B1);
  assert.not.match(await okPage(await world.get('/admin/boxes?board=pixljs', manager)), A1);
});

pages('a platform account filters the list by merchant; a bad filter value is ignored', async () => {
  const platform = world.account({});
  const html = await okPage(await world.get(`/admin/boxes?merchantId=${MERCHANT_B}&status=nonsense`, platform));
  assert.match(html, B1);
  assert.not.match(html, `>${A1}<`);
});

pages('another merchant\'s box is a 404 page for viewing and for every form', async () => {
  assert.is((await world.get(`/admin/boxes/${B1}`, manager)).status, 404);
  assert.is((await world.post(`/admin/boxes/${B1}/status`, manager, { status: 'blocked' })).status, 404);
  assert.is(world.db.select().from(boxes).where(eq(boxes.id, B1)).get()!.status, 'active');
});

pages('a viewer sees the box without its forms and cannot post them', async () => {
  const html = await okPage(await world.get(`/admin/boxes/${A1}`, viewer));
  assert.not.match(html, `/admin/boxes/${A1}/config`);
  assert.is((await world.post(`/admin/boxes/${A1}/rotate`, viewer, {})).status, 403);
});

pages.run();

const forms = suite('box forms');

forms('activates a shipped box in one of its merchant\'s stores', async () => {
  const res = await world.post(`/admin/boxes/${A1}/activate`, manager, { storeId: `s_${MERCHANT_A}`, machineName: 'Washer 3', scenario: '1' });
  assert.is(res.status, 303);
  const row = world.db.select().from(boxes).where(eq(boxes.id, A1)).get()!;
  assert.is(row.storeId, `s_${MERCHANT_A}`);
  assert.is(row.machineName, 'Washer 3');
});

forms('a configuration the box would refuse is shown with the error and queues nothing', async () => {
  const res = await world.post(`/admin/boxes/${A1}/config`, manager, { scenario: '1', currency: 'TWD', unitPrice: '100' });
  assert.is(res.status, 422);
  const html = await res.text();
  assert.match(html, 'config_invalid');
  assert.equal(accessibilityProblems(html), []);
  assert.is(world.db.select().from(boxCommands).where(eq(boxCommands.boxId, A1)).all().length, 0);
});

forms('a valid configuration queues a CONFIG command for the box', async () => {
  const res = await world.post(`/admin/boxes/${A1}/config`, manager, { scenario: '1', currency: 'TWD', outputMask: '1', unitPrice: '100', unitSeconds: '60', maxAmount: '5000' });
  assert.is(res.status, 303);
  const commands = world.db.select().from(boxCommands).where(eq(boxCommands.boxId, A1)).all();
  assert.equal(commands.map((c) => [c.kind, c.state]), [['config', 'pending']]);
  assert.match(await okPage(await world.get(`/admin/boxes/${A1}`, manager)), 'value="5000"');
});

forms('the provisioning bundle is a download nobody caches, and the secret is not in the audit log', async () => {
  const res = await world.post(`/admin/boxes/${A1}/provision`, manager, {});
  assert.is(res.status, 200);
  assert.is(res.headers.get('cache-control'), 'no-store');
  assert.match(res.headers.get('content-disposition') ?? '', `attachment; filename="waygo-${A1}-v1.json"`);
  const bundle = await res.json() as { files: Record<string, string> };
  const keyFile = bundle.files['waygo.keys']!;
  assert.ok(keyFile.length > 20);
  assert.not.ok(world.db.select().from(auditLog).all().some((row) => row.data.includes(keyFile)));
});

forms('rotating the key and blocking the box are recorded', async () => {
  assert.is((await world.post(`/admin/boxes/${A1}/rotate`, manager, {})).status, 303);
  assert.is((await world.post(`/admin/boxes/${A1}/status`, manager, { status: 'blocked', reason: 'stolen van' })).status, 303);
  assert.is(world.db.select().from(boxes).where(eq(boxes.id, A1)).get()!.status, 'blocked');
  const actions = world.db.select().from(auditLog).where(eq(auditLog.subjectId, A1)).all().map((r) => r.action);
  assert.ok(actions.includes('box.blocked'));
});

forms('the clock button queues a CLOCK command for the box and the page says when it arrives', async () => {
  const res = await world.post(`/admin/boxes/${A1}/clock`, manager, {});
  assert.is(res.status, 303);
  assert.is(res.headers.get('location'), `/admin/boxes/${A1}?done=clock#clock`);
  const kinds = world.db.select().from(boxCommands).where(eq(boxCommands.boxId, A1)).all().filter((c) => c.kind === 'clock').map((c) => c.state);
  assert.equal(kinds, ['pending']);
  assert.match(await okPage(await world.get(`/admin/boxes/${A1}?done=clock`, manager)), 'The box receives the current time');
  assert.is((await world.post(`/admin/boxes/${A1}/clock`, viewer, {})).status, 403);
  assert.is((await world.post(`/admin/boxes/${B1}/clock`, manager, {})).status, 404);
});

forms('stickers come as SVG and PNG', async () => {
  const svg = await world.get(`/admin/boxes/${A1}/sticker.svg`, viewer);
  assert.is(svg.status, 200);
  assert.match(svg.headers.get('content-type') ?? '', 'image/svg+xml');
  assert.match(await svg.text(), 'Washer 3');
  const png = await world.get(`/admin/boxes/${A1}/sticker.png`, viewer);
  assert.is(png.headers.get('content-type'), 'image/png');
  assert.equal([...new Uint8Array(await png.arrayBuffer()).slice(1, 4)], [0x50, 0x4e, 0x47]);
});

forms.run();

const imports = suite('shipping import page');

imports('a file with a bad line imports nothing and lists each error with its line number', async () => {
  const res = await upload(`${CSV_HEADER}\n00000000000000c1,SN1,puckjs,A001,,,,2026-11-01\nnot-hex,SN2,toaster,A001,,,,\n`);
  assert.is(res.status, 422);
  const html = await res.text();
  assert.match(html, /<td class="num">3<\/td><td>box_id<\/td>/);
  assert.match(html, 'board_invalid');
  assert.equal(accessibilityProblems(html), []);
  assert.is(world.db.select().from(boxes).where(eq(boxes.id, '00000000000000c1')).get(), undefined);
});

imports('a good file creates the boxes, not yet activated', async () => {
  const res = await upload(`${CSV_HEADER}\n00000000000000c1,SN1,puckjs,A001,DHL,123,Taipei,2026-11-01\n`);
  assert.is(res.status, 303);
  assert.is(res.headers.get('location'), '/admin/boxes?done=1');
  const row = world.db.select().from(boxes).where(eq(boxes.id, '00000000000000c1')).get()!;
  assert.is(row.merchantId, MERCHANT_A);
  assert.is(row.storeId, null);
});

imports('posting no file asks for one', async () => {
  const res = await upload('');
  assert.is(res.status, 422);
  assert.match(await res.text(), 'Choose a CSV file.');
});

imports('an upload without the CSRF token is refused', async () => {
  const form = new FormData();
  form.set('csv', new File([`${CSV_HEADER}\n`], 'x.csv'));
  const res = await world.app.request('/admin/boxes/import', { method: 'POST', body: form, headers: { cookie: manager.cookie } });
  assert.is(res.status, 403);
});

imports.after(() => world.cleanup());
imports.run();
