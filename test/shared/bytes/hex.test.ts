import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { fromHex, toHex } from '../../../shared/bytes/index.ts';

const to = suite('toHex');

to('writes two lower-case digits per byte', () => {
  assert.is(toHex(new Uint8Array([0, 0x0f, 0xab, 0xff])), '000fabff');
});

to('round-trips any bytes through fromHex', () => {
  fc.assert(fc.property(fc.uint8Array(), (bytes) => {
    assert.equal(fromHex(toHex(bytes)), bytes);
  }));
});

to.run();

const from = suite('fromHex');

from('accepts upper case', () => {
  assert.equal(Array.from(fromHex('ABcd')), [0xab, 0xcd]);
});

from('throws on odd length or a non-hex digit', () => {
  assert.throws(() => fromHex('abc'));
  assert.throws(() => fromHex('zz'));
});

from.run();
