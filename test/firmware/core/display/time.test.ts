import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { formatTime } from '../../../../firmware/src/core/display/index.ts';

const test = suite('formatTime');

test('says "no clock" for a record logged before the clock was set', () => {
  assert.is(formatTime(0), 'no clock');
});

test('writes a leap day and a year end in UTC', () => {
  assert.is(formatTime(Date.UTC(2024, 1, 29, 13, 45, 59) / 1000), '2024-02-29 13:45');
  assert.is(formatTime(Date.UTC(2023, 11, 31, 23, 59) / 1000), '2023-12-31 23:59');
});

test('agrees with Date for any second from 1970 to 2105', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 32 - 1 }), (unix) => {
    return formatTime(unix) === new Date(unix * 1000).toISOString().slice(0, 16).replace('T', ' ');
  }));
});

test.run();
