import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { boxes, payments, refunds, walletApps } from '../../../../../cloud/db/schema/index.ts';
import { todayCounts } from '../../../../../cloud/site/pages/dashboard/counts.ts';
import { assertBothLocales, assertGated, okPage } from '../../page-checks.ts';
import { MERCHANT_A, MERCHANT_B, siteWorld } from '../../site-world.ts';

const world = siteWorld();
const platform = world.account({});
const platformZh = world.account({ locale: 'zh-TW' });
const boxesOnly = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view'] });
world.db.insert(boxes).values([
  { id: '00000000000000a1', merchantId: MERCHANT_A, storeId: `s_${MERCHANT_A}`, scenario: 1, createdAt: 1, lastSeenAt: world.now() - 1000 },
  { id: '00000000000000a2', merchantId: MERCHANT_A, scenario: 0, createdAt: 1 },
  { id: '00000000000000b1', merchantId: MERCHANT_B, storeId: `s_${MERCHANT_B}`, scenario: 1, status: 'blocked', createdAt: 1 },
]).run();

world.db.insert(walletApps).values({ id: 'w_1', name: 'Wallet', sealedSigningKey: Buffer.alloc(1), createdAt: 1 }).run();
const payment = (id: string, merchantId: string, amountMinor: number, state: 'finish' | 'declined', createdAt: number) => ({
  id, txnId: Number(id.slice(2)), boxId: merchantId === MERCHANT_A ? '00000000000000a1' : '00000000000000b1', merchantId,
  storeId: `s_${merchantId}`, walletAppId: 'w_1', amountMinor, currency: 'TWD', state, createdAt, updatedAt: createdAt,
});
world.db.insert(payments).values([
  payment('p_1', MERCHANT_A, 7410, 'finish', world.now() - 60_000),
  payment('p_2', MERCHANT_A, 500, 'declined', world.now() - 60_000),
  payment('p_3', MERCHANT_A, 900, 'finish', world.now() - 2 * 86_400_000),
  payment('p_4', MERCHANT_B, 100, 'finish', world.now() - 60_000),
]).run();
world.db.insert(refunds).values({ id: 'r_1', paymentId: 'p_1', amountMinor: 10, state: 'refunded', reason: 'test', createdAt: world.now(), updatedAt: world.now() }).run();
const paymentsA = world.account({ merchantId: MERCHANT_A, permissions: ['payments.view'] });

const page = suite('dashboard');

page('needs a session and renders for any signed-in account in both locales', async () => {
  await assertGated(world, '/admin', null);
  assert.match(await assertBothLocales(world, '/admin', platform, platformZh), '今日交易筆數');
});

page('shows only the figures the account may see', async () => {
  const html = await okPage(await world.get('/admin', boxesOnly));
  assert.match(html, 'Active boxes');
  assert.match(html, /Signed in as User \d+/);
  assert.not.match(html, 'Payments today');
  assert.not.match(html, 'Audit rows today');
});

page.run();

const counts = suite('todayCounts');

counts('counts a merchant\'s own boxes only and everything for the platform', () => {
  const mine = todayCounts(world.db, boxesOnly.principal, world.now());
  assert.equal([mine.boxesActive, mine.boxesUnactivated, mine.boxesBlocked, mine.boxesSeen], [1, 1, 0, 1]);
  assert.is(mine.auditRows, null);
  const all = todayCounts(world.db, platform.principal, world.now());
  assert.equal([all.boxesActive, all.boxesUnactivated, all.boxesBlocked], [1, 1, 1]);
  assert.ok((all.auditRows ?? 0) > 0);
});

counts('counts today\'s settled payments of the merchant they were made for, and refunds', () => {
  const mine = todayCounts(world.db, paymentsA.principal, world.now());
  assert.equal([mine.payments, mine.refunds], [1, 1]);
  assert.equal(mine.amounts, [{ currency: 'TWD', minor: 7410 }]);
  assert.is(todayCounts(world.db, platform.principal, world.now()).payments, 2);
});

counts('shows the amount as money on the page', async () => {
  assert.match(await okPage(await world.get('/admin', paymentsA)), '74.10');
});

counts.after(() => world.cleanup());
counts.run();
