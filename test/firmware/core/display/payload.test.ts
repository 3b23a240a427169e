import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { decode, encode, wayGoAccount } from '../../../../shared/emv/index.ts';
import type { EmvInput } from '../../../../shared/emv/index.ts';
import { dynamicPayload } from '../../../../firmware/src/core/display/index.ts';

const test = suite('dynamicPayload');

const input: EmvInput = {
  pointOfInitiation: 'static',
  merchantAccountInformation: { '49': wayGoAccount('PIXL-7F3A') },
  mcc: '5812', currency: '764', country: 'TH', merchantName: 'NOODLE BAR 24', merchantCity: 'BANGKOK',
};

test('returns the static template unchanged when no amount is requested', () => {
  const template = encode(input);
  assert.is(dynamicPayload(template, ''), template);
});

test('adds the amount and makes the code dynamic: strict decoding gives what encode gives for the same fields', () => {
  const out = decode(dynamicPayload(encode(input), '12.50'), { strict: true });
  const expected = decode(encode({ ...input, pointOfInitiation: 'dynamic', amount: '12.50' }), { strict: true });
  // Only the CRC differs: the box appends 54 after the other data objects, the encoder sorts it in.
  assert.equal({ ...out, crc: '' }, { ...expected, crc: '' });
});

test('adds point of initiation 12 when the template has none', () => {
  const template = encode({ ...input, pointOfInitiation: undefined });
  assert.is(decode(dynamicPayload(template, '7'), { strict: true }).pointOfInitiation, 'dynamic');
});

test('gives a payload that decodes strictly with the amount for any amount and merchant name', () => {
  const name = fc.string({ unit: fc.constantFrom(...'ABCXYZ 0189-&.'.split('')), minLength: 1, maxLength: 25 })
    .filter((s) => s.trim() === s && s !== '');
  const amount = fc.tuple(fc.integer({ min: 0, max: 99999999 }), fc.integer({ min: 0, max: 99 }))
    .map(([a, b]) => a + '.' + String(b).padStart(2, '0'));
  fc.assert(fc.property(name, amount, (merchantName, value) => {
    const decoded = decode(dynamicPayload(encode({ ...input, merchantName }), value), { strict: true });
    return decoded.amount === value && decoded.merchantName === merchantName && decoded.pointOfInitiation === 'dynamic';
  }));
});

test.run();
