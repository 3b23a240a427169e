import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../../../../cloud/db/schema/index.ts';
import { createDepartment } from '../../../../../cloud/services/authority/index.ts';
import { assertBothLocales, assertGated, okPage } from '../../page-checks.ts';
import { MERCHANT_A, MERCHANT_B, siteWorld } from '../../site-world.ts';

const world = siteWorld();
const platform = world.account({});
const platformZh = world.account({ locale: 'zh-TW' });
const auditorA = world.account({ merchantId: MERCHANT_A, permissions: ['audit.view', 'accounts.manage'] });
const adminB = world.account({ merchantId: MERCHANT_B, permissions: ['accounts.manage'] });
createDepartment(world.db, auditorA.principal, { name: 'A desk' }, world.now());
createDepartment(world.db, adminB.principal, { name: 'B desk' }, world.now());

const page = suite('audit page');

page('needs a session and audit.view', () => assertGated(world, '/admin/audit', 'audit.view'));

page('renders accessibly in English and Chinese with the chain verified', async () => {
  const zh = await assertBothLocales(world, '/admin/audit', platform, platformZh);
  assert.match(zh, '雜湊鏈驗證通過');
  assert.match(await okPage(await world.get('/admin/audit', platform)), 'Chain verified.');
});

page('a merchant account sees its own merchant\'s rows only', async () => {
  const html = await okPage(await world.get('/admin/audit?action=department.created', auditorA));
  assert.match(html, 'A desk');
  assert.not.match(html, 'B desk');
});

page('filters by action and pages with a cursor that keeps the filter', async () => {
  for (let i = 0; i < 55; i++) createDepartment(world.db, platform.principal, { name: `desk ${i}` }, world.now());
  const first = await okPage(await world.get('/admin/audit?action=department.created', platform));
  const next = /href="(\/admin\/audit\?[^"]*cursor=[^"]+)"/.exec(first)?.[1]?.replace(/&amp;/g, '&');
  assert.ok(next);
  assert.match(next!, 'action=department.created');
  const second = await okPage(await world.get(next!, platform));
  assert.match(second, 'desk 0');
  assert.not.match(second, 'desk 54');
});

page('shows a tampered chain as broken at the changed row', async () => {
  const row = world.db.select().from(auditLog).where(eq(auditLog.action, 'department.created')).get()!;
  world.db.update(auditLog).set({ data: row.data.replace('A desk', 'Z desk') }).where(eq(auditLog.id, row.id)).run();
  const res = await world.get('/admin/audit', platform);
  const html = await okPage(res);
  assert.match(html, `The chain is broken at row ${row.id}.`);
});

page.after(() => world.cleanup());
page.run();
