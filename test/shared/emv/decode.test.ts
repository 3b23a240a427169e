import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { EmvError, decode } from '../../../shared/emv/index.ts';
import { crcHex } from '../../../shared/emv/text.ts';
import * as s from './samples.ts';
import { codeOf } from './error-code.ts';

/** Recomputes the CRC so a test can break one rule at a time. */
function withCrc(bodyUpTo6304: string): string {
  return bodyUpTo6304 + crcHex(bodyUpTo6304);
}

const published = suite('decode (published payloads)');

published('decodes the EMVCo specification example strictly, with its Chinese language template', () => {
  const d = decode(s.EMVCO, { strict: true });
  assert.is(d.pointOfInitiation, 'dynamic');
  assert.equal(d.merchantAccountInformation, { 29: { '00': 'D15600000000', '05': 'A93FO3230Q' }, 31: { '00': 'D15600000001', '03': '12345678' } });
  assert.equal(d.languageTemplate, { '00': 'ZH', '01': '最佳运输', '02': '北京' });
  assert.is(d.amount, '23.72');
  assert.is(d.tipOrConvenienceIndicator, '01');
  assert.equal(d.additionalData, { '03': '1234', '06': '***', '07': 'A6008667', '09': 'ME' });
  assert.equal(d.otherTags, { 91: { '00': 'A011223344998877', '07': '12345678' } });
  assert.is(d.crc, 'A13A');
});

published('decodes both Pix examples of the Banco Central manual strictly', () => {
  const st = decode(s.PIX_STATIC, { strict: true });
  assert.is(st.pointOfInitiation, undefined);
  assert.equal(st.merchantAccountInformation, { 26: { '00': 'br.gov.bcb.pix', '01': '123e4567-e12b-12d1-a456-426655440000' } });
  assert.equal(st.additionalData, { '05': '***' });
  const dy = decode(s.PIX_DYNAMIC, { strict: true });
  assert.is(dy.pointOfInitiation, 'dynamic');
  assert.is((dy.merchantAccountInformation!['26'] as Record<string, string>)['25'], 'pix.example.com/8b3da2f39a4140d1a91abd93113bd441');
});

published('decodes PromptPay without MCC, name or city leniently and rejects it strictly', () => {
  const d = decode(s.PROMPTPAY_PHONE);
  assert.equal(d, {
    payloadFormatIndicator: '01', pointOfInitiation: 'static',
    merchantAccountInformation: { 29: { '00': 'A000000677010111', '01': '0066801234567' } },
    currency: '764', country: 'TH', crc: '6197',
  });
  assert.is(decode(s.PROMPTPAY_AMOUNT).amount, '4.22');
  assert.is(codeOf(() => decode(s.PROMPTPAY_PHONE, { strict: true })), 'missing_field');
});

published('decodes VietQR with its nested NAPAS account leniently', () => {
  const d = decode(s.VIETQR);
  assert.equal(d.merchantAccountInformation, { 38: { '00': 'A000000727', '01': '000697041501130011001932418', '02': 'QRIBFTTA' } });
  assert.equal(d.additionalData, { '08': 'ung ho lu lut' });
  assert.is(d.mcc, undefined);
});

published('decodes both QRIS samples strictly, with two merchant accounts and a tip prompt', () => {
  const a = decode(s.QRIS_LINKAJA, { strict: true });
  assert.equal(Object.keys(a.merchantAccountInformation!), ['26', '51']);
  assert.is(a.merchantName, 'Infak Sinergi Foundation');
  assert.is(a.postalCode, '40173');
  const b = decode(s.QRIS_TELKOM, { strict: true });
  assert.is(b.tipOrConvenienceIndicator, '01');
  assert.equal(b.additionalData, { '05': '114793812', '07': 'A03' });
});

published('rejects the QRIS README sample whose published CRC is "M2B3" with crc_mismatch', () => {
  assert.is(codeOf(() => decode(s.QRIS_BAD_CRC)), 'crc_mismatch');
});

published('decodes DuitNow with payload format 02 leniently and rejects the format strictly', () => {
  assert.is(decode(s.DUITNOW_POS).payloadFormatIndicator, '02');
  assert.is(decode(s.DUITNOW_P2P).merchantName, 'AUSERNAME');
  assert.is(codeOf(() => decode(s.DUITNOW_POS, { strict: true })), 'bad_format');
});

published('decodes PayNow strictly and rejects the SGQR sample published with a wrong CRC', () => {
  const d = decode(s.PAYNOW, { strict: true });
  assert.equal(d.merchantAccountInformation, { 26: { '00': 'SG.PAYNOW', '01': '2', '02': '12345678', '03': '0', '04': '20260304' } });
  assert.equal(d.additionalData, { '01': 'testordernumber12345678' });
  assert.is(codeOf(() => decode(s.SGQR_BAD_CRC)), 'crc_mismatch');
});

published.run();

const malformed = suite('decode (malformed payloads)');

const PIX_BODY = s.PIX_STATIC.slice(0, -4);

malformed('rejects a changed CRC with crc_mismatch naming ID 63 and its position', () => {
  try {
    decode(PIX_BODY + '1D3E');
    assert.unreachable();
  } catch (err) {
    const e = err as EmvError;
    assert.is(e.code, 'crc_mismatch');
    assert.is(e.id, '63');
    assert.is(e.position, PIX_BODY.length);
    assert.match(e.message, /CRC-16\/CCITT-FALSE.*ID 63, character \d+/);
  }
});

malformed('accepts a lower-case CRC', () => {
  assert.is(decode(PIX_BODY + '1d3d').crc, '1d3d');
});

malformed('rejects a payload cut short with truncated', () => {
  assert.is(codeOf(() => decode(s.PIX_STATIC.slice(0, 60))), 'truncated');
  assert.is(codeOf(() => decode('')), 'truncated');
});

malformed('rejects a non-numeric length with bad_length', () => {
  assert.is(codeOf(() => decode(withCrc('00020152A40000530398659X3ABC6304'))), 'bad_length');
});

malformed('rejects a duplicate root ID with duplicate_id', () => {
  assert.is(codeOf(() => decode(withCrc('000201010211010211' + '5303986' + '6304'))), 'duplicate_id');
});

malformed('rejects a duplicate sub-ID inside a template with duplicate_id even when lenient', () => {
  assert.is(codeOf(() => decode(withCrc('000201' + '26180005ABCDE0005FGHIJ' + '6304'))), 'duplicate_id');
});

malformed('rejects a zero length with zero_length', () => {
  assert.is(codeOf(() => decode(withCrc('0002015900' + '6304'))), 'zero_length');
});

malformed('rejects a payload that does not start with 00 or end with 63', () => {
  assert.is(codeOf(() => decode(withCrc('5303986000201' + '6304'))), 'not_first');
  assert.is(codeOf(() => decode('0002015303986')), 'missing_field');
  const crcFirst = '000201' + '6304ABCD' + '5303986';
  assert.is(codeOf(() => decode(crcFirst)), 'not_last');
  assert.is(codeOf(() => decode('0002016305ABCDE')), 'bad_length');
});

malformed('rejects payloads missing a mandatory field in strict mode only', () => {
  const noCity = withCrc(PIX_BODY.replace('6008BRASILIA', '').slice(0, -4) + '6304');
  assert.is(decode(noCity).merchantCity, undefined);
  assert.is(codeOf(() => decode(noCity, { strict: true })), 'missing_field');
});

malformed('keeps an unparseable template as text when lenient and rejects it when strict', () => {
  const p = withCrc('000201' + '2606HELLO!' + '5303986' + '8503abc' + '6304');
  const d = decode(p);
  assert.equal(d.merchantAccountInformation, { 26: 'HELLO!' });
  assert.equal(d.otherTags, { 85: 'abc' });
  assert.is(codeOf(() => decode(p, { strict: true })), 'bad_id');
});

malformed('enforces formats, maximum lengths and the tip rules in strict mode', () => {
  const base = '000201' + '26130009SG.PAYNOW' + '52040000' + '5303702' + '5802SG' + '5904NAME' + '6004CITY';
  const strict = (extra: string) => codeOf(() => decode(withCrc(base + extra + '6304'), { strict: true }));
  assert.is(strict(''), 'no error');
  assert.is(strict('54041,00'), 'bad_format');
  assert.is(strict('5414123456789012.5'), 'too_long');
  assert.is(strict('550202'), 'missing_field');
  assert.is(strict('55020357032.5'), 'no error');
  assert.is(strict('55020256031.5'), 'no error');
  assert.is(strict('56031.5'), 'bad_format');
  assert.is(strict('550204'), 'bad_format');
  assert.is(strict('7003abc'), 'reserved_id');
  assert.is(strict('8503abc'), 'truncated');
  assert.is(strict('80070103abc'), 'missing_field');
});

malformed.run();

const fuzz = suite('decode (arbitrary input)');

fuzz('never throws anything but EmvError on random strings, ASCII or not', () => {
  const arb = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^(\d\d){0,3}[\s\S]{0,40}$/));
  fc.assert(fc.property(arb, fc.boolean(), (text, strict) => {
    try {
      decode(text, { strict });
    } catch (err) {
      assert.ok(err instanceof EmvError, String(err));
    }
  }), { numRuns: 2000 });
});

fuzz('never throws anything but EmvError on mutated published payloads with a recomputed CRC', () => {
  const all = [s.EMVCO, s.PIX_STATIC, s.QRIS_TELKOM, s.PAYNOW, s.VIETQR];
  fc.assert(fc.property(fc.constantFrom(...all), fc.nat(), fc.string({ minLength: 1, maxLength: 3 }), fc.boolean(), (p, at, ins, strict) => {
    const body = p.slice(0, -4);
    const i = at % body.length;
    try {
      decode(withCrc(body.slice(0, i) + ins + body.slice(i + ins.length)), { strict });
    } catch (err) {
      assert.ok(err instanceof EmvError, String(err));
    }
  }), { numRuns: 2000 });
});

fuzz('rejects non-string input with bad_input', () => {
  assert.is(codeOf(() => decode(42 as unknown as string)), 'bad_input');
});

fuzz.run();
