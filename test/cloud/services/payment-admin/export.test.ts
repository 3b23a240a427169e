import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { merchants } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { CSV_COLUMNS, exportTransactionsCsv, queryTransactions } from '../../../../cloud/services/payment-admin/index.ts';
import { BOX_B, MERCHANT_B, PLATFORM, T0, adminWorld, principal } from './world.ts';

const csv = (chunks: Iterable<string>) => [...chunks].join('');

const test = suite('exportTransactionsCsv');

test('writes a header row and one CRLF-ended row per payment, newest first, across pages', async () => {
  const w = adminWorld();
  for (let i = 0; i < 7; i++) await w.pay({ id: `pay_${i}`, createdAt: T0 + (i < 4 ? 0 : i), amountMinor: 100 + i });
  const text = csv(exportTransactionsCsv(w.db, PLATFORM, {}, 3));
  assert.ok(text.endsWith('\r\n'));
  const rows = parse(text) as string[][];
  assert.equal(rows[0], CSV_COLUMNS.map(([name]) => name));
  const expected = queryTransactions(w.db, PLATFORM, {}, { limit: 200 }).data.map((r) => r.id);
  assert.equal(rows.slice(1).map((r) => r[0]), expected);
  assert.equal(rows[1]!.slice(11, 16), ['1', '106', 'JPY', 'finish', '0']);
  assert.is(rows[1]![2], new Date(T0 + 6).toISOString());
  w.database.close();
});

test('applies the query\'s filters and the account\'s tenant', async () => {
  const w = adminWorld();
  await w.pay({ id: 'pay_a', amountMinor: 300 });
  await w.pay({ id: 'pay_b', amountMinor: 700, box: BOX_B });
  const ids = (text: string) => (parse(text) as string[][]).slice(1).map((r) => r[0]);
  assert.equal(ids(csv(exportTransactionsCsv(w.db, PLATFORM, { minAmount: 500 }))), ['pay_b']);
  assert.equal(ids(csv(exportTransactionsCsv(w.db, MERCHANT_B, {}))), ['pay_b']);
  assert.throws(() => exportTransactionsCsv(w.db, principal(null, ['payments.refund']), {}), (e: unknown) => e instanceof CloudError && e.code === 'permission_denied');
  w.database.close();
});

test('quotes any merchant name so that it reads back unchanged, and defuses formulas', async () => {
  const w = adminWorld();
  await w.pay({ id: 'pay_a', amountMinor: 300 });
  fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }), (name) => {
    w.db.update(merchants).set({ name }).where(eq(merchants.id, 'm_a')).run();
    const [, row] = parse(csv(exportTransactionsCsv(w.db, PLATFORM, {}))) as string[][];
    const risky = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(name);
    assert.is(row![4], risky ? `'${name}` : name);
  }), { numRuns: 200 });
  for (const name of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', 'a,"b"\r\nc']) {
    w.db.update(merchants).set({ name }).where(eq(merchants.id, 'm_a')).run();
    const text = csv(exportTransactionsCsv(w.db, PLATFORM, {}));
    const [, row] = parse(text) as string[][];
    assert.is(row![4], /^[=+\-@]/.test(name) ? `'${name}` : name);
  }
  w.database.close();
});

test.run();
