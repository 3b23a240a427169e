import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { canonicalJson } from '../../../cloud/audit/index.ts';
import { CloudError } from '../../../cloud/errors/index.ts';

const test = suite('canonicalJson');

function shuffledKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shuffledKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, shuffledKeys(v)]));
  }
  return value;
}

test('sorts keys at every depth and leaves out whitespace', () => {
  assert.is(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } }), '{"a":{"c":"x","d":[true,null]},"b":1}');
});

test('parses back to the same value and does not depend on key order', () => {
  fc.assert(fc.property(fc.jsonValue(), (value) => {
    const text = canonicalJson(value);
    assert.equal(JSON.parse(text), JSON.parse(JSON.stringify(value)));
    assert.is(canonicalJson(shuffledKeys(value)), text);
  }), { numRuns: 200 });
});

test('throws on values JSON would silently change or drop', () => {
  for (const value of [undefined, Number.NaN, Infinity, new Date(0), 10n, { a: undefined }, [() => 1]]) {
    assert.throws(() => canonicalJson(value), (err: unknown) => err instanceof CloudError && err.code === 'audit_data');
  }
});

test.run();
