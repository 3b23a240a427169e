import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { labelStride, niceAxis } from '../../../../cloud/site/charts/scale.ts';

const axis = suite('niceAxis');

axis('rounds the largest value up to a 1-2-5 step with a tick at each step', () => {
  assert.equal(niceAxis([0, 370, 1240]), { max: 1500, ticks: [0, 500, 1000, 1500] });
  assert.equal(niceAxis([3]), { max: 3, ticks: [0, 1, 2, 3] });
});

axis('keeps the grid lines of counts on whole numbers', () => {
  assert.equal(niceAxis([0, 1, 2], 4, true), { max: 2, ticks: [0, 1, 2] });
  assert.equal(niceAxis([0, 1, 2]), { max: 2, ticks: [0, 0.5, 1, 1.5, 2] });
});

axis('gives an all-zero or empty series a 0..1 axis', () => {
  assert.equal(niceAxis([]), { max: 1, ticks: [0, 1] });
  assert.equal(niceAxis([0, 0]), { max: 1, ticks: [0, 1] });
});

axis('always covers the largest value with ascending ticks from 0 to max on round steps', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 1e12 }), { minLength: 1, maxLength: 40 }), (values) => {
      const { max, ticks } = niceAxis(values);
      assert.ok(max >= Math.max(...values));
      assert.is(ticks[0], 0);
      assert.is(ticks.at(-1), max);
      const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      assert.ok([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9), `step ${step}`);
      assert.ok(ticks.length >= 2 && ticks.length <= 9, `tick count ${ticks.length}`);
    }),
  );
});

axis.run();

const stride = suite('labelStride');

stride('shows every label when they fit and thins them evenly when they do not', () => {
  assert.is(labelStride(7, 640), 1);
  assert.is(labelStride(90, 640), 9);
  assert.is(labelStride(0, 640), 1);
});

stride.run();
