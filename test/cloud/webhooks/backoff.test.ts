import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { backoffDelay } from '../../../cloud/webhooks/index.ts';

const backoff = suite('backoffDelay');
const options = { baseMs: 1000, maxMs: 60_000 };

backoff('doubles the ceiling per failure from base, capped at max', () => {
  assert.equal([1, 2, 3, 7, 8, 50].map((n) => backoffDelay(n, options, () => 0.999999)), [999, 1999, 3999, 59_999, 59_999, 59_999]);
});

backoff('always waits between half the ceiling and the ceiling', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, r) => {
    const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(failures - 1, 30));
    const delay = backoffDelay(failures, options, () => r);
    assert.ok(delay >= Math.floor(ceiling / 2) && delay <= ceiling, `${delay} for ${failures}`);
  }));
});

backoff.run();
