import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { checkCounter } from '../../../cloud/controls/index.ts';

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const counter = suite('checkCounter');

counter('accepts a counter that advanced by exactly what ran', () => {
  assert.equal(checkCounter({ last: 41, reported: 42, expectedRun: 1 }), { allow: true, flags: [] });
  assert.equal(checkCounter({ last: 42, reported: 42, expectedRun: 0 }), { allow: true, flags: [] });
});

counter('flags a gap, a duplicate and a decrease, each alone', () => {
  assert.equal(checkCounter({ last: 41, reported: 45, expectedRun: 1 }).flags, ['counter_gap']);
  assert.equal(checkCounter({ last: 41, reported: 41, expectedRun: 1 }).flags, ['counter_duplicate']);
  assert.equal(checkCounter({ last: 41, reported: 3, expectedRun: 0 }).flags, ['counter_decrease']);
});

counter('accepts any counter from a box never heard from', () => {
  assert.equal(checkCounter({ last: undefined, reported: 12345, expectedRun: 1 }).flags, []);
});

counter('never refuses, and gives exactly one flag unless the advance matches', () => {
  fc.assert(fc.property(u32, u32, fc.integer({ min: 0, max: 1 }), (last, reported, expectedRun) => {
    const decision = checkCounter({ last, reported, expectedRun });
    assert.is(decision.allow, true);
    const expected = reported < last ? ['counter_decrease'] : reported - last < expectedRun ? ['counter_duplicate'] : reported - last > expectedRun ? ['counter_gap'] : [];
    assert.equal(decision.flags, expected);
  }), { numRuns: 500 });
});

counter('accepts every step of a counter run in order', () => {
  fc.assert(fc.property(u32, fc.array(fc.boolean(), { maxLength: 50 }), (start, steps) => {
    let last = start;
    for (const ran of steps) {
      const reported = last + (ran ? 1 : 0);
      assert.equal(checkCounter({ last, reported, expectedRun: ran ? 1 : 0 }).flags, []);
      last = reported;
    }
  }));
});

counter.run();
