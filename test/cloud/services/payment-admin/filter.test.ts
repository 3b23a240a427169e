import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { localDate, parseInstant, parseTransactionQuery, startOfLocalDay } from '../../../../cloud/services/payment-admin/index.ts';

const code = (c: string) => (e: unknown) => e instanceof CloudError && e.code === c;

const parse = suite('parseTransactionQuery');

parse('reads every filter from query-string text and drops fields left blank', () => {
  const { filter, page } = parseTransactionQuery({
    merchantId: 'm_a', merchantCode: 'A0001', merchantName: ' Laundry ', storeId: 's_a', boxId: 'AAAA000000000001', walletAppId: 'wa_one',
    state: 'finish, refunded', from: '2026-03-01', to: '2026-03-01', minAmount: '100', maxAmount: '', currency: 'JPY',
    txnId: '0000000000001234', paymentId: '', limit: '20', cursor: '',
  });
  assert.equal(filter, {
    merchantId: 'm_a', merchantCode: 'A0001', merchantName: 'Laundry', storeId: 's_a', boxId: 'aaaa000000000001', walletAppId: 'wa_one',
    states: ['finish', 'refunded'], from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 2, 2), minAmount: 100, currency: 'JPY', txnId: 0x1234,
  });
  assert.equal(page, { limit: 20 });
});

parse('reads a date in the named time zone, and takes ms and ISO date-times as they are', () => {
  assert.equal(parseTransactionQuery({ from: '2026-03-01', to: '2026-03-01', tz: 'Asia/Taipei' }).filter,
    { from: Date.UTC(2026, 1, 28, 16), to: Date.UTC(2026, 2, 1, 16) });
  assert.equal(parseTransactionQuery({ from: '1700000000000', to: '2026-03-01T12:00:00+08:00' }).filter, { from: 1_700_000_000_000, to: Date.UTC(2026, 2, 1, 4) });
});

parse('refuses an unknown state, zone, date, amount or page size', () => {
  assert.throws(() => parseTransactionQuery({ state: 'finish,paid' }), code('parameter_invalid'));
  assert.throws(() => parseTransactionQuery({ from: '2026-03-01', tz: 'Mars/Olympus' }), code('tz_invalid'));
  assert.throws(() => parseTransactionQuery({ from: 'yesterday' }), code('date_invalid'));
  assert.throws(() => parseTransactionQuery({ minAmount: '-5' }), code('parameter_invalid'));
  assert.throws(() => parseTransactionQuery({ maxAmount: '1.5' }), code('parameter_invalid'));
  assert.throws(() => parseTransactionQuery({ limit: '201' }), code('parameter_invalid'));
});

const zoned = suite('startOfLocalDay');

zoned('starts a day at local midnight across daylight saving changes', () => {
  assert.is(startOfLocalDay('2026-03-08', 'America/New_York'), Date.UTC(2026, 2, 8, 5));
  assert.is(startOfLocalDay('2026-03-09', 'America/New_York'), Date.UTC(2026, 2, 9, 4));
  assert.is(startOfLocalDay('2026-10-25', 'Europe/London'), Date.UTC(2026, 9, 24, 23));
  assert.is(startOfLocalDay('2026-10-26', 'Europe/London'), Date.UTC(2026, 9, 26, 0));
  assert.is(startOfLocalDay('2026-01-01', 'Asia/Kathmandu'), Date.UTC(2025, 11, 31, 18, 15));
});

zoned('every instant lies within the local day it is dated, in any zone', () => {
  const zones = ['UTC', 'Asia/Taipei', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns'];
  fc.assert(fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (ms, tz) => {
    const date = localDate(ms, tz);
    const start = startOfLocalDay(date, tz);
    assert.ok(start <= ms, `${tz} ${new Date(ms).toISOString()} starts ${new Date(start).toISOString()}`);
    assert.ok(ms < parseInstant(date, tz, 'end'));
    assert.is(localDate(start, tz), date);
  }), { numRuns: 400 });
});

parse.run();
zoned.run();
