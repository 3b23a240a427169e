import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { readUint, writeUint } from '../../../shared/bytes/index.ts';

const read = suite('readUint');

read('reads big-endian values of 1, 2 and 4 bytes', () => {
  const bytes = new Uint8Array([0x12, 0x34, 0x56, 0x78]);
  assert.is(readUint(bytes, 0, 1), 0x12);
  assert.is(readUint(bytes, 1, 2), 0x3456);
  assert.is(readUint(bytes, 0, 4), 0x12345678);
});

read('reads 0xFFFFFFFF as a positive number', () => {
  assert.is(readUint(new Uint8Array([255, 255, 255, 255]), 0, 4), 4294967295);
});

read.run();

const write = suite('writeUint');

write('round-trips any value of its size through readUint', () => {
  fc.assert(fc.property(fc.constantFrom(1, 2, 4), fc.nat(), fc.integer({ min: 0, max: 3 }), (size, raw, at) => {
    const value = raw % Math.pow(256, size);
    const bytes = new Uint8Array(8);
    writeUint(bytes, at, size, value);
    assert.is(readUint(bytes, at, size), value);
  }));
  const bytes = new Uint8Array(4);
  writeUint(bytes, 0, 4, 4294967295);
  assert.equal(Array.from(bytes), [255, 255, 255, 255]);
});

write('writes only its own bytes', () => {
  const bytes = new Uint8Array([9, 9, 9, 9]);
  writeUint(bytes, 1, 2, 0x0102);
  assert.equal(Array.from(bytes), [9, 1, 2, 9]);
});

write.run();
