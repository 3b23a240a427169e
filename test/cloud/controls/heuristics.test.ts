import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { isAmountSpike, isBurst } from '../../../cloud/controls/index.ts';

const burst = suite('isBurst');
const rule = { count: 3, windowMs: 10_000 };

burst('flags the payment that makes N within the window, counting itself', () => {
  assert.is(isBurst([1_000], 5_000, rule), false);
  assert.is(isBurst([1_000, 4_000], 5_000, rule), true);
});

burst('ignores payments that left the window or lie in the future', () => {
  assert.is(isBurst([0, 4_000], 10_000, rule), false);
  assert.is(isBurst([4_000, 20_000], 10_000, rule), false);
});

burst('never flags with fewer earlier payments than N - 1', () => {
  fc.assert(fc.property(fc.array(fc.nat(1e6), { maxLength: 1 }), fc.nat(1e6), (times, now) => {
    assert.is(isBurst(times, now, rule), false);
  }));
});

burst.run();

const spike = suite('isAmountSpike');
const spikeRule = { factor: 5, minSamples: 10 };

spike('flags an amount above factor times the average, not one at it', () => {
  assert.is(isAmountSpike(501, { sumMinor: 1000, count: 10 }, spikeRule), true);
  assert.is(isAmountSpike(500, { sumMinor: 1000, count: 10 }, spikeRule), false);
});

spike('stays quiet until the average rests on enough payments', () => {
  assert.is(isAmountSpike(1e9, { sumMinor: 10, count: 9 }, spikeRule), false);
  assert.is(isAmountSpike(1e9, { sumMinor: 0, count: 0 }, { factor: 5, minSamples: 0 }), false);
});

spike('agrees with the exact rational comparison amount > factor * sum / count', () => {
  fc.assert(fc.property(fc.nat(1e7), fc.nat(1e9), fc.integer({ min: 10, max: 1000 }), (amount, sum, count) => {
    const exact = BigInt(amount) * BigInt(count) > 5n * BigInt(sum);
    assert.is(isAmountSpike(amount, { sumMinor: sum, count }, spikeRule), exact);
  }), { numRuns: 300 });
});

spike.run();
