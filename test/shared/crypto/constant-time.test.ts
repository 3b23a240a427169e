import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { equalBytes } from '../../../shared/crypto/index.ts';

const test = suite('equalBytes');

test('is true exactly when lengths and contents match', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), (a, b) => {
    const same = a.length === b.length && a.every((x, i) => x === b[i]);
    assert.is(equalBytes(a, b), same);
    assert.ok(equalBytes(a, a.slice()));
  }));
});

test('detects a difference in the last byte only', () => {
  assert.not.ok(equalBytes(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4])));
});

test('treats different lengths as unequal', () => {
  assert.not.ok(equalBytes(new Uint8Array(16), new Uint8Array(15)));
});

test.run();
