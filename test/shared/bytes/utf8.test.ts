import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { utf8Encode } from '../../../shared/bytes/index.ts';

const utf8 = suite('utf8Encode');

utf8('agrees with TextEncoder on any string, including lone surrogates', () => {
  const enc = new TextEncoder();
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
    assert.equal(Array.from(utf8Encode(s)), Array.from(enc.encode(s)));
  }));
});

utf8.run();
