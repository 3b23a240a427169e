import * as assert from 'uvu/assert';
import { browserSuite, screenshot } from './browser.ts';

const { it, state, run } = browserSuite('reports, small screens and Chinese in Chromium', { signIn: true });
const DAY = 86_400_000;
const date = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);

it('draws the daily report as SVG bar charts with a data table', async (ctx) => {
  const { page, world } = state(ctx);
  await page.goto(`${world.url}/admin/reports?from=${date(6)}&to=${date(0)}`);
  const bars = page.locator('#chart-store-JPY-net svg rect.chart-bar');
  assert.is(await bars.count(), 7, 'one bar per day for the one store');
  const heights = await bars.evaluateAll((els) => els.map((el) => Number(el.getAttribute('height'))));
  assert.ok(heights.filter((h) => h > 0).length === 3, `three days with payments: ${heights.join(',')}`);
  assert.ok(await page.locator('#chart-box-JPY-net').isVisible());
  await page.locator('#chart-store-JPY-net summary').click();
  assert.ok(await page.locator('#chart-store-JPY-net table').isVisible(), 'the numbers open as a table');
  await screenshot(page, 'reports');
});

it('fits a 360 px wide phone: the page never scrolls sideways, the wide table scrolls in its own box', async (ctx) => {
  const { context, world } = state(ctx);
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/admin/payments', `/admin/payments/${world.paid[0]!.id}`, '/admin/reports']) {
    await phone.goto(`${world.url}${path}`);
    const width = Number(await phone.evaluate('document.documentElement.scrollWidth'));
    assert.ok(width <= 360, `${path} is ${width} px wide`);
  }
  await phone.goto(`${world.url}/admin/payments`);
  await screenshot(phone, 'transactions-360px');
  await phone.close();
});

it('renders the payment pages in Chinese (zh-TW) once the language is switched', async (ctx) => {
  const { page, world } = state(ctx);
  await page.goto(`${world.url}/admin/payments`);
  await page.getByLabel('Language').selectOption('zh-TW');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForLoadState();
  await page.goto(`${world.url}/admin/payments`);
  assert.is(await page.locator('html').getAttribute('lang'), 'zh-TW');
  assert.is(await page.getByRole('heading', { level: 1 }).innerText(), '交易記錄查詢');
  assert.ok(await page.getByLabel('商戶代碼').isVisible());
  await screenshot(page, 'transactions-zh-TW');
});

run();
