import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import {
  ERR, KIND_LAYOUTS, LOG_RECORD_LAYOUT, MESSAGE_LAYOUTS, decodeFields, describeLayout, encodeFields, isProtocolError, layoutSize,
} from '../../../shared/protocol/index.ts';
import { fieldsArbitrary } from './fixtures.ts';

const layouts = [...MESSAGE_LAYOUTS, ...KIND_LAYOUTS, LOG_RECORD_LAYOUT].filter((l): l is string => l !== undefined);

const encode = suite('encodeFields');

encode('lays out uints big-endian and bytes verbatim, reserved as zeros', () => {
  const bytes = encodeFields('a:2 b*2 reserved*2 c:4', { a: 0x0102, b: new Uint8Array([7, 8]), c: 0xfffffffe });
  assert.equal(Array.from(bytes), [1, 2, 7, 8, 0, 0, 0xff, 0xff, 0xff, 0xfe]);
});

encode('puts a prefix in front', () => {
  assert.equal(Array.from(encodeFields('a:1', { a: 5 }, new Uint8Array([1, 2]))), [1, 2, 5]);
});

encode('throws BAD_FIELD for a missing, fractional, negative or too large uint', () => {
  for (const value of [undefined, 1.5, -1, 256, NaN]) {
    try {
      encodeFields('a:1', value === undefined ? {} : { a: value });
      assert.unreachable('should throw');
    } catch (error) {
      assert.ok(isProtocolError(error));
      assert.is(error.code, ERR.BAD_FIELD);
    }
  }
});

encode('throws BAD_FIELD for bytes of the wrong size or a missing count', () => {
  assert.throws(() => encodeFields('a*2', { a: new Uint8Array(3) }), (e: unknown) => isProtocolError(e) && e.code === ERR.BAD_FIELD);
  assert.throws(() => encodeFields('a*4/n', { a: new Uint8Array(4) }), (e: unknown) => isProtocolError(e) && e.code === ERR.BAD_FIELD);
});

encode.run();

const decode = suite('decodeFields');

decode('round-trips any valid fields of every protocol layout', () => {
  for (const layout of layouts) {
    fc.assert(fc.property(fieldsArbitrary(layout), (fields) => {
      const bytes = encodeFields(layout, fields);
      assert.equal(decodeFields(layout, bytes, 0, bytes.length), fields);
    }), { numRuns: 30 });
  }
});

decode('returns BAD_LENGTH for bytes one short or one long', () => {
  const bytes = encodeFields('a:2 b*3', { a: 1, b: new Uint8Array(3) });
  assert.is(decodeFields('a:2 b*3', bytes, 0, 4), ERR.BAD_LENGTH);
  assert.is(decodeFields('a:2 b*3', new Uint8Array(6), 0, 6), ERR.BAD_LENGTH);
});

decode('returns BAD_FIELD when a reserved byte is not zero', () => {
  assert.is(decodeFields('a:1 reserved*2', new Uint8Array([1, 0, 1]), 0, 3), ERR.BAD_FIELD);
});

decode('reads a variable part sized by an earlier count', () => {
  const result = decodeFields('n:1 v*2/n', new Uint8Array([2, 1, 2, 3, 4]), 0, 5);
  assert.equal(result, { n: 2, v: new Uint8Array([1, 2, 3, 4]) });
});

decode('never throws on random bytes for any layout', () => {
  for (const layout of layouts) {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const result = decodeFields(layout, bytes, 0, bytes.length);
      assert.ok(typeof result === 'object' || result === ERR.BAD_LENGTH || result === ERR.BAD_FIELD);
    }), { numRuns: 50 });
  }
});

decode.run();

const size = suite('layoutSize');

size('makes every telegram plaintext a whole number of AES blocks', () => {
  for (const layout of KIND_LAYOUTS) if (layout !== undefined) assert.is(layoutSize(layout) % 16, 0, layout);
});

size('makes a log record 48 bytes', () => {
  assert.is(layoutSize(LOG_RECORD_LAYOUT), 48);
});

size.run();

const describe = suite('describeLayout');

describe('lists name, kind and size per field', () => {
  assert.equal(describeLayout('a:2 b*16/n'), [['a', 'uint', '2'], ['b', 'bytes', '16/n']]);
  assert.equal(describeLayout(''), []);
});

describe.run();
