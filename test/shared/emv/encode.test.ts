import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { decode, encode, type EmvInput } from '../../../shared/emv/index.ts';
import * as s from './samples.ts';
import { codeOf } from './error-code.ts';

function withoutCrc(p: ReturnType<typeof decode>): EmvInput {
  const copy: EmvInput = { ...p };
  delete copy.crc;
  return copy;
}

const base: EmvInput = {
  payloadFormatIndicator: '01',
  pointOfInitiation: 'static',
  merchantAccountInformation: { 49: { '00': 'com.waygo', '01': 'box-0001' } },
  mcc: '5814',
  currency: '764',
  country: 'TH',
  merchantName: 'WAYGO LAUNDRY',
  merchantCity: 'BANGKOK',
};

const enc = suite('encode');

enc('reproduces published payloads whose data objects are already in ascending ID order', () => {
  assert.is(encode(withoutCrc(decode(s.PIX_STATIC))), s.PIX_STATIC);
  assert.is(encode(withoutCrc(decode(s.PAYNOW))), s.PAYNOW);
});

enc('writes a static payload with our template, sorted IDs and an upper-case CRC', () => {
  const p = encode(base);
  assert.is(p.slice(0, 12), '000201010211');
  assert.ok(p.includes('49250009com.waygo0108box-0001'));
  assert.match(p, /6304[0-9A-F]{4}$/);
  assert.equal(withoutCrc(decode(p, { strict: true })), base);
});

enc('writes a dynamic payload with amount, additional data and a language template', () => {
  const input: EmvInput = {
    ...base, pointOfInitiation: 'dynamic', amount: '40.00',
    additionalData: { '05': 'order-17', '07': 'box-0001' },
    languageTemplate: { '00': 'TH', '01': 'ร้านซักผ้าเวย์โก', '02': 'กรุงเทพ' },
  };
  const p = encode(input);
  assert.ok(p.includes('010212'));
  assert.ok(p.includes('540540.00'));
  assert.ok(p.includes('01' + '16' + 'ร้านซักผ้าเวย์โก'), 'length counts the 16 Thai characters');
  assert.equal(withoutCrc(decode(p, { strict: true })), input);
});

enc('rejects inputs that break EMVCo rules unless asked to be lenient', () => {
  const promptPayLike: EmvInput = { ...base };
  delete promptPayLike.mcc;
  assert.is(codeOf(() => encode(promptPayLike)), 'missing_field');
  assert.is(decode(encode(promptPayLike, { strict: false })).mcc, undefined);
  assert.is(codeOf(() => encode({ ...base, amount: '1,00' })), 'bad_format');
  assert.is(codeOf(() => encode({ ...base, merchantName: 'A VERY LONG MERCHANT NAME INDEED' })), 'too_long');
  assert.is(codeOf(() => encode({ ...base, tipOrConvenienceIndicator: '02' })), 'missing_field');
});

enc('rejects malformed input shapes with a typed error', () => {
  assert.is(codeOf(() => encode(null as unknown as EmvInput)), 'bad_input');
  assert.is(codeOf(() => encode({ ...base, merchantNmae: 'x' } as EmvInput)), 'bad_input');
  assert.is(codeOf(() => encode({ ...base, mcc: 5814 as unknown as string })), 'bad_input');
  assert.is(codeOf(() => encode({ ...base, merchantCity: '' })), 'zero_length');
  assert.is(codeOf(() => encode({ ...base, postalCode: 'x'.repeat(100) })), 'too_long');
  assert.is(codeOf(() => encode({ ...base, pointOfInitiation: 'fixed' as 'static' })), 'bad_format');
  assert.is(codeOf(() => encode({ ...base, merchantAccountInformation: { 52: 'x' } })), 'bad_id');
  assert.is(codeOf(() => encode({ ...base, additionalData: { 5: 'x' } })), 'bad_id');
  assert.is(codeOf(() => encode({ ...base, otherTags: { 70: 'x' } })), 'reserved_id');
  assert.is(codeOf(() => encode({ ...base, additionalData: { '01': 'x'.repeat(60), '02': 'y'.repeat(60) } })), 'too_long');
});

enc('ignores a crc key so decode output can be fed back', () => {
  assert.is(encode({ ...base, crc: 'FFFF' }), encode(base));
});

const ans = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{1,${max}}$`));
const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const anyText = (max: number) => fc.string({ unit: 'binary', minLength: 1, maxLength: max });
const subIds = fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 3 }).map((ns) => ns.map((n) => (n < 10 ? '0' : '') + n));

function template(guidMax: number, values: fc.Arbitrary<string>) {
  return fc.tuple(ans(guidMax), subIds, fc.array(values, { minLength: 3, maxLength: 3 })).map(([guid, ids, vals]) => {
    const t: Record<string, string> = { '00': guid };
    ids.forEach((id, i) => (t[id] = vals[i]!));
    return t;
  });
}

const fees = fc.oneof(
  fc.constant({}),
  fc.constant({ tipOrConvenienceIndicator: '01' }),
  fc.record({ tipOrConvenienceIndicator: fc.constant('02'), convenienceFeeFixed: fc.stringMatching(/^\d{1,6}(\.\d\d)?$/) }),
  fc.record({ tipOrConvenienceIndicator: fc.constant('03'), convenienceFeePercentage: fc.stringMatching(/^\d{1,2}(\.\d)?$/) }),
);

const validInput: fc.Arbitrary<EmvInput> = fc.tuple(
  fc.record({
    payloadFormatIndicator: fc.constant('01'),
    pointOfInitiation: fc.constantFrom('static' as const, 'dynamic' as const),
    merchantAccountInformation: fc.tuple(fc.integer({ min: 26, max: 51 }), template(20, ans(15)), fc.option(ans(30), { nil: undefined }))
      .map(([id, t, plain]) => (plain === undefined ? { [id]: t } : { [id]: t, '04': plain })),
    mcc: digits(4),
    currency: digits(3),
    amount: fc.stringMatching(/^\d{1,9}(\.\d{1,2})?$/),
    country: fc.stringMatching(/^[A-Z]{2}$/),
    merchantName: ans(25),
    merchantCity: ans(15),
    postalCode: ans(10),
    additionalData: fc.dictionary(fc.constantFrom('01', '03', '05', '07', '08'), ans(12), { minKeys: 1 }),
    languageTemplate: fc.record({ '00': fc.stringMatching(/^[a-z]{2}$/), '01': anyText(25), '02': anyText(15) }),
    otherTags: template(20, anyText(15)).map((t) => ({ 90: t })),
  }, { requiredKeys: ['payloadFormatIndicator', 'merchantAccountInformation', 'mcc', 'currency', 'country', 'merchantName', 'merchantCity'] }),
  fees,
).map(([fields, fee]) => JSON.parse(JSON.stringify({ ...fields, ...fee })) as EmvInput);

enc('round-trips arbitrary valid inputs, non-ASCII alternate names included, through strict decode', () => {
  fc.assert(fc.property(validInput, (input) => {
    assert.equal(withoutCrc(decode(encode(input), { strict: true })), input);
  }), { numRuns: 500 });
});

enc('round-trips non-ASCII merchant names in lenient mode, counting characters not bytes', () => {
  fc.assert(fc.property(anyText(25), anyText(15), (name, city) => {
    const input: EmvInput = { ...base, merchantName: name, merchantCity: city };
    const p = encode(input, { strict: false });
    assert.equal(withoutCrc(decode(p)), input);
  }), { numRuns: 500 });
});

enc.run();
