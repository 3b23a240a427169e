import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { acquirerSettings } from '../../../../cloud/db/schema/index.ts';
import { accessibilityProblems } from '../a11y.ts';
import { assertBothLocales, assertGated, okPage } from '../page-checks.ts';
import { MERCHANT_A, MERCHANT_B, siteWorld } from '../site-world.ts';

const world = siteWorld();
const platform = world.account({ permissions: ['acquirers.manage'] });
const merchantA = world.account({ merchantId: MERCHANT_A, permissions: ['acquirers.manage'] });
const test = suite('acquirer setup page');
test.after(() => world.cleanup());

const SECRET = 'gateway-shared-secret-0123456789';
const http = { kind: 'http', baseUrl: 'https://gateway.example/v1', merchant: 'ACQ-778' };
const stored = (merchantId: string) => {
  const row = world.db.select().from(acquirerSettings).where(eq(acquirerSettings.merchantId, merchantId)).get();
  return row ? { kind: row.kind, settings: JSON.stringify(row.settings), sealed: row.sealedSecret } : undefined;
};

test('needs a session and acquirers.manage', async () => {
  await assertGated(world, '/admin/acquirer', 'acquirers.manage');
});

test('lets a platform account choose the merchant, and says when none is set up', async () => {
  const choose = await okPage(await world.get('/admin/acquirer', platform));
  assert.match(choose, /<select id="f-merchantId" name="merchantId"/);
  assert.not.match(choose, /name="kind"/);
  const none = await okPage(await world.get(`/admin/acquirer?merchantId=${MERCHANT_B}`, platform));
  assert.match(none, /Not set up: payments use the platform/);
});

test('saves an HTTP gateway with its secret sealed, and never shows the secret again', async () => {
  const res = await world.post('/admin/acquirer', merchantA, { ...http, merchantId: MERCHANT_A, secret: SECRET });
  assert.is(res.status, 303);
  assert.is(res.headers.get('location'), `/admin/acquirer?merchantId=${MERCHANT_A}&done=saved`);
  const row = stored(MERCHANT_A);
  assert.is(row?.kind, 'http');
  assert.ok(row?.sealed && !row.sealed.toString('latin1').includes(SECRET), 'sealed, not stored in the clear');
  assert.not.match(row?.settings ?? '', SECRET);
  const page = await okPage(await world.get(res.headers.get('location')!, merchantA));
  assert.match(page, /Acquirer settings saved/);
  assert.match(page, /A secret is stored and is never shown/);
  assert.match(page, /https:\/\/gateway\.example\/v1/);
  assert.not.match(page, SECRET);
  assert.match(page, /<input[^>]*type="password"(?![^>]*value=)[^>]*>/);
});

test('keeps the stored secret when the field is left blank', async () => {
  const before = stored(MERCHANT_A)?.sealed;
  const res = await world.post('/admin/acquirer', merchantA, { ...http, merchant: 'ACQ-779', merchantId: MERCHANT_A, secret: '' });
  assert.is(res.status, 303);
  assert.ok(stored(MERCHANT_A)?.sealed, 'a secret is still stored');
  assert.match(stored(MERCHANT_A)?.settings ?? '', /ACQ-779/);
  assert.ok(before);
});

test('refuses bad settings without echoing the secret', async () => {
  const res = await world.post('/admin/acquirer', merchantA, { ...http, baseUrl: 'ftp://nope', merchantId: MERCHANT_A, secret: 'short-secret-xyz' });
  assert.is(res.status, 422);
  const html = await res.text();
  assert.match(html, /acquirer_config_invalid/);
  assert.not.match(html, 'short-secret-xyz');
  assert.equal(accessibilityProblems(html), []);
});

test('keeps a merchant account to its own merchant whatever the form names', async () => {
  const res = await world.post('/admin/acquirer', merchantA, { kind: 'simulator', merchantId: MERCHANT_B });
  assert.is(res.status, 303);
  assert.is(stored(MERCHANT_B), undefined);
  assert.is(stored(MERCHANT_A)?.kind, 'simulator');
});

test('renders in both locales', async () => {
  const zh = world.account({ merchantId: MERCHANT_A, permissions: ['acquirers.manage'], locale: 'zh-TW' });
  assert.match(await assertBothLocales(world, '/admin/acquirer', merchantA, zh), '收單機構設定');
});

test.run();
