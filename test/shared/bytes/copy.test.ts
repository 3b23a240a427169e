import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { copyBytes } from '../../../shared/bytes/index.ts';

const copy = suite('copyBytes');

copy('returns a Uint8Array equal to the range', () => {
  fc.assert(fc.property(fc.uint8Array(), fc.nat(), fc.nat(), (bytes, a, b) => {
    const start = Math.min(a, b) % (bytes.length + 1);
    const end = Math.max(start, Math.max(a, b) % (bytes.length + 1));
    const out = copyBytes(bytes, start, end);
    assert.instance(out, Uint8Array);
    assert.equal(Array.from(out), Array.from(bytes).slice(start, end));
  }));
});

copy('does not share memory with its source', () => {
  const bytes = new Uint8Array([1, 2, 3]);
  copyBytes(bytes, 0, 2)[0] = 9;
  assert.is(bytes[0], 1);
});

copy.run();
