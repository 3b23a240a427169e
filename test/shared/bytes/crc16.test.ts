import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { crc16, utf8Encode } from '../../../shared/bytes/index.ts';

const crc = suite('crc16');

crc('matches the CRC-16/CCITT-FALSE check value for "123456789"', () => {
  assert.is(crc16(utf8Encode('123456789')), 0x29b1);
});

crc('returns the initial value 0xFFFF for empty input', () => {
  assert.is(crc16(new Uint8Array(0)), 0xffff);
});

crc('over a sub-range equals the CRC of that slice', () => {
  fc.assert(fc.property(fc.uint8Array(), fc.nat(), fc.nat(), (data, a, b) => {
    const start = Math.min(a, b) % (data.length + 1);
    const end = Math.max(start, Math.max(a, b) % (data.length + 1));
    assert.is(crc16(data, start, end), crc16(data.slice(start, end)));
  }));
});

crc.run();
