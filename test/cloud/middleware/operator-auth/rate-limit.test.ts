import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { slidingWindowLimiter } from '../../../../cloud/middleware/operator-auth/index.ts';

const test = suite('slidingWindowLimiter');

test('never allows more than max attempts per key inside any window, and always allows the attempt after the window', () => {
  fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.constantFrom('a', 'b')), { maxLength: 80 }), fc.integer({ min: 1, max: 5 }), (steps, max) => {
    let t = 0;
    const limiter = slidingWindowLimiter({ max, windowMs: 10_000, now: () => t });
    const allowed: Record<string, number[]> = { a: [], b: [] };
    for (const [dt, key] of steps) {
      t += dt;
      const wait = limiter.hit(key);
      const recent = allowed[key]!.filter((at) => at > t - 10_000);
      if (wait === 0) allowed[key]!.push(t);
      assert.is(wait === 0, recent.length < max);
      if (wait > 0) assert.ok(wait <= 10 && recent[0]! + 10_000 - t <= wait * 1000);
    }
  }));
});

test('counts keys apart', () => {
  const limiter = slidingWindowLimiter({ max: 1, windowMs: 60_000, now: () => 0 });
  assert.equal([limiter.hit('1.1.1.1'), limiter.hit('2.2.2.2'), limiter.hit('1.1.1.1')], [0, 0, 60]);
});

test.run();
