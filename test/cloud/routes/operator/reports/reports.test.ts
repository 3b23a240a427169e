import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'csv-parse/sync';
import { operatorWorld } from '../../../operator-fixtures.ts';
import { BOX_B, T0, payId, seedPayments } from '../payments/seed.ts';

const world = await operatorWorld();
await seedPayments(world, [
  { id: payId(1), createdAt: T0 + 3_600_000, amountMinor: 300 },
  { id: payId(2), createdAt: T0 + 90_000_000, amountMinor: 1000 },
  { id: payId(3), createdAt: T0 + 3_600_000, amountMinor: 700, box: BOX_B },
]);
const platform = world.account({ permissions: ['payments.view'] });
const merchantA = world.account({ merchantId: world.merchants.a, permissions: ['payments.view'] });

const daily = suite('GET /v1/operator/reports/daily');

daily('answers one series per store with a total per day', async () => {
  const res = await world.request(platform, 'GET', '/v1/operator/reports/daily?from=2026-03-01&to=2026-03-02&by=store&tz=Asia/Tokyo');
  assert.is(res.status, 200);
  const body = (await res.json()) as { dates: string[]; series: { key: { name: string }; days: { count: number; amountMinor: number }[] }[] };
  assert.equal(body.dates, ['2026-03-01', '2026-03-02']);
  assert.equal(body.series.map((s) => [s.key.name, s.days.map((d) => d.amountMinor)]), [['Main Street', [300, 1000]], ['Pier', [700, 0]]]);
});

daily('refuses a missing or malformed range with 400', async () => {
  assert.is((await world.request(platform, 'GET', '/v1/operator/reports/daily?from=2026-03-01')).status, 400);
  const long = await world.request(platform, 'GET', '/v1/operator/reports/daily?from=2020-01-01&to=2026-03-01');
  assert.equal([long.status, ((await long.json()) as { error: { code: string } }).error.code], [400, 'range_too_long']);
});

const csv = suite('GET /v1/operator/reports/transactions.csv');

csv('streams the filtered transactions as a CSV attachment with a byte-order mark and a header row', async () => {
  const res = await world.request(merchantA, 'GET', '/v1/operator/reports/transactions.csv?minAmount=500');
  assert.is(res.status, 200);
  assert.match(res.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
  assert.match(res.headers.get('content-disposition')!, /^attachment; filename="transactions-\d{4}-\d{2}-\d{2}\.csv"$/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.equal([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = parse(Buffer.from(bytes), { bom: true }) as string[][];
  assert.equal(rows.map((r) => r[0]), ['payment_id', payId(2)]);
});

csv('answers 400 for a bad filter before any CSV is sent', async () => {
  const res = await world.request(platform, 'GET', '/v1/operator/reports/transactions.csv?state=paid');
  assert.equal([res.status, res.headers.get('content-type')?.startsWith('application/json')], [400, true]);
});

daily.run();
csv.run();
csv.after(() => world.cleanup());
