import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { CloudError } from '../../../../cloud/errors/index.ts';
import { decodeCursor, encodeCursor, pageLimit } from '../../../../cloud/services/authority/index.ts';

const cursor = suite('encodeCursor');

cursor('a cursor decodes to the sort key it was made from and is URL-safe', () => {
  fc.assert(fc.property(fc.array(fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 3 }), (key) => {
    const encoded = encodeCursor(key);
    assert.match(encoded, /^[A-Za-z0-9_-]*$/);
    assert.equal(decodeCursor(encoded, key.length), key.map((v) => (Object.is(v, -0) ? 0 : v)));
  }));
});

cursor.run();

const decoding = suite('decodeCursor');

decoding('anything else is refused with cursor_invalid, never a crash', () => {
  fc.assert(fc.property(fc.string(), (text) => {
    try {
      const key = decodeCursor(text, 2);
      assert.is(key.length, 2);
    } catch (err) {
      assert.instance(err, CloudError);
      assert.is((err as CloudError).code, 'cursor_invalid');
    }
  }));
  assert.throws(() => decodeCursor(encodeCursor(['a']), 2), (e: CloudError) => e.code === 'cursor_invalid');
});

decoding.run();

const limits = suite('pageLimit');

limits('page limits are 50 by default and kept within 1..200', () => {
  assert.equal([pageLimit({}), pageLimit({ limit: 0 }), pageLimit({ limit: 500 }), pageLimit({ limit: 7 })], [50, 1, 200, 7]);
});

limits.run();
