import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { merchants, stores } from '../../../../../cloud/db/schema/index.ts';
import { assertBothLocales, assertGated, okPage } from '../../page-checks.ts';
import { MERCHANT_A, MERCHANT_B, siteWorld } from '../../site-world.ts';

const world = siteWorld();
const platform = world.account({});
const platformZh = world.account({ locale: 'zh-TW' });
const managerA = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view', 'boxes.manage'] });

const page = suite('merchants and stores page');

page('needs a session and boxes.view, and renders accessibly in both locales', async () => {
  await assertGated(world, '/admin/merchants', 'boxes.view');
  assert.match(await assertBothLocales(world, '/admin/merchants', platform, platformZh), '商戶與門市');
});

page('a merchant account sees its own merchant and stores only, and no merchant form', async () => {
  const html = await okPage(await world.get('/admin/merchants', managerA));
  assert.match(html, 'Store of A001');
  assert.not.match(html, 'Store of B001');
  assert.not.match(html, 'action="/admin/merchants"');
});

page('a merchant account creates a store for its own merchant', async () => {
  assert.is((await world.post('/admin/merchants/stores', managerA, { name: 'Night market', merchantId: MERCHANT_B })).status, 303);
  assert.is(world.db.select().from(stores).where(eq(stores.name, 'Night market')).get()!.merchantId, MERCHANT_A);
});

page('a platform account creates a merchant; a taken code is shown on its field', async () => {
  assert.is((await world.post('/admin/merchants', platform, { name: 'Car Wash Co', code: 'CW01' })).status, 303);
  assert.ok(world.db.select().from(merchants).where(eq(merchants.code, 'CW01')).get());
  const again = await world.post('/admin/merchants', platform, { name: 'Other', code: 'CW01' });
  assert.is(again.status, 422);
  assert.match(await again.text(), '<a href="#f-code">');
});

page('a merchant account cannot create merchants', async () => {
  const res = await world.post('/admin/merchants', managerA, { name: 'Mine' });
  assert.is(res.status, 403);
});

page.after(() => world.cleanup());
page.run();
