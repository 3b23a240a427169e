import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NonceCache } from '../../../cloud/middleware/wallet-signature/nonce-cache.ts';

const test = suite('NonceCache');

test('holds a key until its expiry and forgets it after', () => {
  const cache = new NonceCache(10);
  assert.ok(cache.add('a', 5_000, 1_000));
  assert.ok(cache.has('a', 5_000));
  assert.not.ok(cache.has('a', 5_001));
  assert.not.ok(cache.has('b', 1_000));
});

test('drops expired keys once a second passes, so they stop counting against the capacity', () => {
  const cache = new NonceCache(2);
  assert.ok(cache.add('a', 2_000, 1_000));
  assert.ok(cache.add('b', 9_000, 1_000));
  assert.not.ok(cache.add('c', 9_000, 1_500));
  assert.ok(cache.add('c', 9_000, 3_000));
  assert.is(cache.size, 2);
  assert.ok(cache.has('b', 3_000));
});

test.run();
