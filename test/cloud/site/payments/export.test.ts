import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertGated } from '../page-checks.ts';
import { MERCHANT_A } from '../site-world.ts';
import { paymentsWorld } from './payments-world.ts';

const world = paymentsWorld();
const platform = world.account({ permissions: ['payments.view'] });
const merchantA = world.account({ merchantId: MERCHANT_A, permissions: ['payments.view'] });
const test = suite('CSV export link');
test.after(() => world.cleanup());

async function csv(path: string, who = platform): Promise<{ res: Response; bytes: Uint8Array; lines: string[] }> {
  const res = await world.get(path, who);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  return { res, bytes, lines: text.split('\r\n').filter((l) => l !== '') };
}

test('needs a session and payments.view', async () => {
  await assertGated(world, '/admin/payments/export.csv', 'payments.view');
});

test('downloads the search as UTF-8 CSV with a byte-order mark and a header row', async () => {
  const { res, bytes, lines } = await csv('/admin/payments/export.csv?merchantCode=A001&state=finish');
  assert.is(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', 'text/csv');
  assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="transactions-\d{4}-\d{2}-\d{2}\.csv"$/);
  assert.equal([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok(lines[0]?.startsWith('payment_id,'));
  assert.equal(lines.slice(1).map((l) => l.split(',')[0]), ['pay_a1', 'pay_a2']);
});

test('exports only the merchant\'s own rows for a merchant account', async () => {
  const { lines } = await csv('/admin/payments/export.csv', merchantA);
  assert.equal(lines.slice(1).map((l) => l.split(',')[0]), ['pay_a1', 'pay_a3', 'pay_a2']);
});

test('sends a search it cannot run back to the query page, which says why', async () => {
  const res = await world.get('/admin/payments/export.csv?amountFrom=5', platform);
  assert.is(res.status, 303);
  assert.is(res.headers.get('location'), '/admin/payments?amountFrom=5');
});

test.run();
