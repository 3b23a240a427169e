import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { concatBytes } from '../../../shared/bytes/index.ts';

const concat = suite('concatBytes');

concat('joins parts in order', () => {
  fc.assert(fc.property(fc.array(fc.uint8Array()), (parts) => {
    assert.equal(Array.from(concatBytes(parts)), parts.flatMap((p) => Array.from(p)));
  }));
});

concat('of no parts is empty', () => {
  assert.is(concatBytes([]).length, 0);
});

concat.run();
