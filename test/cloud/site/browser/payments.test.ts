import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { BOX } from '../../wallet-world.ts';
import { browserSuite, isFocused, screenshot, tabTo } from './browser.ts';
import { ADMIN, MERCHANT_CODE } from './world.ts';

const { it, state, run } = browserSuite('payment pages in Chromium');
const DAY = 86_400_000;
const date = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);

const resultRows = (page: Page) => page.locator('table:has(caption:text("Transactions found")) tbody tr');

it('signs in with the keyboard alone: Tab to each field, type, Enter', async (ctx) => {
  const { page, world } = state(ctx);
  await page.goto(`${world.url}/admin/login`);
  await tabTo(page, '#f-email');
  await page.keyboard.type(ADMIN.email);
  await page.keyboard.press('Tab');
  assert.ok(await isFocused(page, '#f-password'), 'Tab moves from email to password');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${world.url}/admin`);
  assert.is(await page.locator('html').getAttribute('lang'), 'en');
  await screenshot(page, 'dashboard');
});

it('queries transactions by amount and by date range, like the seed\'s query page', async (ctx) => {
  const { page, world } = state(ctx);
  await page.goto(`${world.url}/admin/payments`);
  assert.is(await resultRows(page).count(), 4, 'all four payments before filtering');
  await page.getByLabel('Merchant code').fill(MERCHANT_CODE);
  await page.getByLabel('Amount from').fill('300');
  await page.getByLabel('Currency').fill('JPY');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/amountFrom=300/);
  assert.is(await resultRows(page).count(), 2, 'two payments of ¥300');
  await page.getByLabel('Amount from').fill('');
  await page.getByLabel('Date from').fill(date(2));
  await page.getByLabel('Date to').fill(date(1));
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/to=/);
  assert.is(await resultRows(page).count(), 2, 'the two backdated payments');
  const firstRow = await resultRows(page).first().innerText();
  assert.match(firstRow, date(1));
  await screenshot(page, 'transactions-by-date');
});

it('exports the same search as CSV with a header row', async (ctx) => {
  const { page } = state(ctx);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  const stream = await download.createReadStream();
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.match(lines[0] ?? '', /^payment_id,/);
  assert.is(lines.length, 3, 'header and the two payments of the search');
});

it('narrows the search to one box, and names a box id that is not one on its field', async (ctx) => {
  const { page, world } = state(ctx);
  await page.goto(`${world.url}/admin/payments`);
  const { storeId } = world.database.sqlite.prepare('select store_id as storeId from boxes where id = ?').get(BOX) as { storeId: string };
  await page.getByLabel('Store').selectOption(storeId);
  await page.getByLabel('Box id').fill(BOX.toUpperCase());
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/boxId=/);
  assert.is(await resultRows(page).count(), 2, 'the two payments on that box');
  assert.is(await page.getByLabel('Store').inputValue(), storeId, 'the form keeps the search');
  await page.getByLabel('Box id').fill('12345678');
  // The field's pattern stops this in the browser already; the page must refuse it without that help too.
  await page.getByLabel('Box id').evaluate((el) => el.removeAttribute('pattern'));
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/boxId=12345678/);
  assert.match(await page.locator('.error-summary').innerText(), /A box id is 16 hex digits/);
});

it('opens a transaction, refunds part of it, then the rest, and shows the verified audit proof', async (ctx) => {
  const { page, world } = state(ctx);
  const target = world.paid.find((p) => p.amountMinor === 300 && p.daysAgo === 0)!;
  await page.goto(`${world.url}/admin/payments?state=finish`);
  await page.getByRole('link', { name: `Details of transaction ${target.id}` }).click();
  await page.waitForURL(`${world.url}/admin/payments/${target.id}`);
  assert.ok(await page.getByRole('heading', { name: 'State history' }).isVisible());
  assert.match(await page.locator('.proof-verified').innerText(), /Verified/);

  await page.getByLabel('Partial refund').check();
  await page.getByLabel('Amount to refund').fill('100');
  await page.getByLabel('Reason').fill('machine stopped early');
  await page.getByRole('button', { name: 'Refund' }).click();
  await page.waitForURL(/refund=re_/);
  assert.match(await page.locator('.notice.success').first().innerText(), /Refunded ¥100/);
  assert.match(await page.getByText('Refundable:').innerText(), /¥200/);

  await page.getByLabel('Full refund of ¥200').check();
  await page.getByLabel('Reason').fill('customer asked for the rest');
  await page.getByRole('button', { name: 'Refund' }).click();
  await page.waitForURL(/refund=re_/);
  assert.match(await page.locator('.notice.success').first().innerText(), /Refunded ¥200/);
  assert.is(await page.locator('.refund-form').count(), 0, 'nothing left to refund: no form');
  assert.match(await page.locator('dl.facts').innerText(), /Refunded/);
  assert.match(await page.locator('.proof-verified').innerText(), /Verified/, 'the refunds\' audit rows verify too');
  await screenshot(page, 'transaction-refunded');
});

run();
