import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { dayBounds, exceedsTransactionMax, fitsDailyLimit } from '../../../cloud/controls/index.ts';
import { CloudError } from '../../../cloud/errors/index.ts';

const money = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

const daily = suite('fitsDailyLimit');

daily('allows a payment exactly when used + amount stays within the limit, even near 2^53', () => {
  fc.assert(fc.property(money, money, money, (used, amount, limit) => {
    const fits = BigInt(used) + BigInt(amount) <= BigInt(limit);
    assert.is(fitsDailyLimit({ amountMinor: used, count: 0 }, amount, { amountMinor: limit }), fits ? 'ok' : 'amount');
  }), { numRuns: 500 });
});

daily('allows one more payment exactly while the count is below the limit', () => {
  fc.assert(fc.property(fc.nat(1000), fc.nat(1000), (count, limit) => {
    assert.is(fitsDailyLimit({ amountMinor: 0, count }, 1, { count: limit }), count + 1 <= limit ? 'ok' : 'count');
  }));
});

daily('is monotone: a payment refused at some usage stays refused at any higher usage', () => {
  fc.assert(fc.property(fc.nat(1e9), fc.nat(1e9), fc.nat(1e9), fc.nat(1e9), (used, extra, amount, limit) => {
    if (fitsDailyLimit({ amountMinor: used, count: 0 }, amount, { amountMinor: limit }) === 'amount') {
      assert.is(fitsDailyLimit({ amountMinor: used + extra, count: 0 }, amount, { amountMinor: limit }), 'amount');
    }
  }));
});

daily('reports the amount before the count when both are exceeded, and ignores absent limits', () => {
  assert.is(fitsDailyLimit({ amountMinor: 900, count: 9 }, 200, { amountMinor: 1000, count: 9 }), 'amount');
  assert.is(fitsDailyLimit({ amountMinor: 9e12, count: 9e6 }, 1e12, {}), 'ok');
});

daily('throws control_input_invalid for negative or fractional usage', () => {
  for (const usage of [{ amountMinor: -1, count: 0 }, { amountMinor: 0, count: 0.5 }, { amountMinor: Number.NaN, count: 0 }]) {
    assert.throws(() => fitsDailyLimit(usage, 1, { amountMinor: 10 }), (err: CloudError) => err.code === 'control_input_invalid');
  }
});

daily.run();

const max = suite('exceedsTransactionMax');

max('refuses only amounts strictly above the maximum', () => {
  fc.assert(fc.property(money, money, (amount, limit) => {
    assert.is(exceedsTransactionMax(amount, limit), amount > limit);
  }));
  assert.is(exceedsTransactionMax(1e12, undefined), false);
});

max.run();

const day = suite('dayBounds');

day('returns the 24-hour local day that contains now, starting at local midnight', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: -720, max: 840 }), (now, offset) => {
    const { start, end } = dayBounds(now, offset);
    assert.ok(start <= now && now < end);
    assert.is(end - start, 86_400_000);
    assert.is(new Date(start + offset * 60_000).getUTCHours(), 0);
  }));
});

day('puts 23:30 UTC on the next day in Tokyo (UTC+9)', () => {
  const now = Date.UTC(2024, 0, 1, 23, 30);
  assert.is(dayBounds(now, 540).start, Date.UTC(2024, 0, 1, 15, 0));
});

day.run();
