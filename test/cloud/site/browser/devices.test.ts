import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { BOX } from '../../wallet-world.ts';
import { browserSuite, screenshot } from './browser.ts';
import { MERCHANT_CODE, type BrowserWorld } from './world.ts';

const { it, state, run } = browserSuite('device pages in Chromium', { signIn: true });
const HEADER = 'box_id,serial,board,merchant_code,carrier,tracking_number,destination,shipped_at';
const GOOD_LINE = `aa00000000000001,SN-0001,puckjs,${MERCHANT_CODE},Post,TR-1,Taipei,`;

const count = (world: BrowserWorld, sql: string, ...args: unknown[]) => (world.database.sqlite.prepare(sql).get(...args) as { n: number }).n;

async function upload(page: Page, url: string, csv: string): Promise<void> {
  await page.goto(`${url}/admin/boxes/import`);
  await page.getByLabel('CSV file').setInputFiles({ name: 'shipping.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import' }).click();
  await page.waitForLoadState();
}

it('refuses a shipping CSV with a bad line, names the line, and imports nothing', async (ctx) => {
  const { page, world } = state(ctx);
  await upload(page, world.url, [HEADER, GOOD_LINE, `not-a-box-id,SN-0002,puckjs,${MERCHANT_CODE},,,,`, ''].join('\n'));
  assert.match(await page.locator('.notice.error').innerText(), /Nothing was imported/);
  const errorRows = page.locator('table:has(caption:text("Errors by line")) tbody tr');
  assert.is(await errorRows.count(), 1);
  assert.is((await errorRows.first().locator('td').first().innerText()).trim(), '3', 'the bad line is line 3 of the file');
  assert.is(count(world, 'select count(*) as n from box_shipments'), 0, 'the good line was not written either');
  await screenshot(page, 'import-error');
});

it('imports the corrected CSV', async (ctx) => {
  const { page, world } = state(ctx);
  await upload(page, world.url, [HEADER, GOOD_LINE, ''].join('\n'));
  await page.waitForURL(/\/admin\/boxes\?done=/);
  assert.is(count(world, 'select count(*) as n from box_shipments'), 1);
});

it('rotates a box key from the box page', async (ctx) => {
  const { page, world } = state(ctx);
  const before = count(world, 'select count(*) as n from box_keys where box_id = ?', BOX);
  await page.goto(`${world.url}/admin/boxes/${BOX}`);
  await page.getByRole('button', { name: 'Rotate the box key' }).click();
  await page.waitForURL(/done=keys/);
  assert.match(await page.locator('.notice.success').first().innerText(), /new key version/);
  assert.is(count(world, 'select count(*) as n from box_keys where box_id = ?', BOX), before + 1);
  await screenshot(page, 'box-key-rotated');
});

it('queues a CLOCK for the box from its page', async (ctx) => {
  const { page, world } = state(ctx);
  await page.goto(`${world.url}/admin/boxes/${BOX}`);
  await page.getByRole('button', { name: 'Set the box\'s clock' }).click();
  await page.waitForURL(/done=clock#clock$/);
  assert.match(await page.locator('.notice.success').first().innerText(), /current time/);
  assert.is(count(world, 'select count(*) as n from box_commands where box_id = ? and kind = \'clock\' and state = \'pending\'', BOX), 1);
  assert.match(await page.locator('table:has(caption:text("Commands for the box"))').innerText(), /Clock\s+Waiting for a wallet/);
});

run();
