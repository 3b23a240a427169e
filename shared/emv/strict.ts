// EMVCo MPM v1.1 rules that real national codes bend (section 4.2 and 4.3 of the specification): only
// checked when the caller asks for strict mode, and always by the encoder.
import type { ParsedField } from './decode.ts';
import { charCount } from './text.ts';
import { fail } from './tlv.ts';
import type { TlvField } from './tlv.ts';

interface Rule {
  format: RegExp;
  what: string;
  max?: number;
}

/** "ans": the EMV common character set, printable ASCII. */
const ANS = /^[\x20-\x7e]+$/;
const ANY = /^[\s\S]+$/;
const AMOUNT = /^\d+(\.\d+)?$/;

const ROOT: { [id: string]: Rule } = {
  '00': { format: /^01$/, what: 'payload format indicator "01"' },
  '01': { format: /^1[12]$/, what: 'point of initiation 11 (static) or 12 (dynamic)' },
  '52': { format: /^\d{4}$/, what: '4-digit merchant category code' },
  '53': { format: /^\d{3}$/, what: '3-digit ISO 4217 currency' },
  '54': { format: AMOUNT, max: 13, what: 'amount like 12 or 12.50' },
  '55': { format: /^0[123]$/, what: 'tip or convenience indicator 01, 02 or 03' },
  '56': { format: AMOUNT, max: 13, what: 'fixed convenience fee like 1.50' },
  '57': { format: AMOUNT, max: 5, what: 'convenience fee percentage like 2.5' },
  '58': { format: /^[A-Z]{2}$/, what: '2-letter ISO 3166 country code' },
  '59': { format: ANS, max: 25, what: 'merchant name in the EMV common character set' },
  '60': { format: ANS, max: 15, what: 'merchant city in the EMV common character set' },
  '61': { format: ANS, max: 10, what: 'postal code in the EMV common character set' },
};

const LABEL: Rule = { format: ANS, max: 25, what: 'label in the EMV common character set' };

// 01-08: bill number, mobile number, store, loyalty number, reference, customer, terminal, purpose.
const ADDITIONAL: { [id: string]: Rule } = {
  '01': LABEL, '02': LABEL, '03': LABEL, '04': LABEL, '05': LABEL, '06': LABEL, '07': LABEL, '08': LABEL,
  '09': { format: /^[AME]{1,3}$/, what: 'consumer data request of A, M and E' },
  '10': { format: ANS, max: 20, what: 'merchant tax ID' },
  '11': { format: ANS, max: 3, what: 'merchant channel' },
};

const LANGUAGE: { [id: string]: Rule } = {
  '00': { format: /^[A-Za-z]{2}$/, what: '2-letter ISO 639 language' },
  '01': { format: ANY, max: 25, what: 'alternate merchant name' },
  '02': { format: ANY, max: 15, what: 'alternate merchant city' },
};

const GUID: Rule = { format: ANS, max: 32, what: 'globally unique identifier' };

function check(text: string, f: TlvField, id: string, rule: Rule): void {
  if (rule.max !== undefined && charCount(f.value) > rule.max) {
    throw fail('too_long', id, text, f.at, 'value must be at most ' + rule.max + ' characters');
  }
  if (!rule.format.test(f.value)) throw fail('bad_format', id, text, f.at + 4, 'value must be a ' + rule.what);
}

function find(fields: TlvField[], id: string): TlvField | undefined {
  for (let i = 0; i < fields.length; i++) if (fields[i]!.id === id) return fields[i];
  return undefined;
}

function need(text: string, fields: TlvField[], id: string, where: number, name: string): TlvField {
  const f = find(fields, id);
  if (!f) throw fail('missing_field', id, text, where, name + ' is mandatory');
  return f;
}

function checkTemplate(text: string, f: ParsedField, rules: { [id: string]: Rule }, fallback: Rule, needGuid: boolean): void {
  const sub = f.sub!;
  if (needGuid) need(text, sub, '00', f.at, 'sub-ID 00 (' + GUID.what + ')');
  for (let i = 0; i < sub.length; i++) {
    const s = sub[i]!;
    const id = f.id + '.' + s.id;
    check(text, s, id, needGuid && s.id === '00' ? GUID : rules[s.id] || fallback);
  }
}

function checkFees(text: string, fields: ParsedField[]): void {
  const tip = find(fields, '55');
  const kind = tip ? tip.value : '';
  const fixed = find(fields, '56');
  const pct = find(fields, '57');
  if (kind === '02') need(text, fields, '56', tip!.at, 'fixed convenience fee 56 (indicator 55 is 02)');
  if (kind === '03') need(text, fields, '57', tip!.at, 'convenience fee percentage 57 (indicator 55 is 03)');
  if (fixed && kind !== '02') throw fail('bad_format', '56', text, fixed.at, 'fixed fee 56 is only allowed when indicator 55 is 02');
  if (pct && kind !== '03') throw fail('bad_format', '57', text, pct.at, 'fee percentage 57 is only allowed when indicator 55 is 03');
}

export function checkStrict(text: string, fields: ParsedField[]): void {
  const end = text.length;
  let accounts = 0;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const n = +f.id;
    if (ROOT[f.id]) check(text, f, f.id, ROOT[f.id]!);
    else if (n >= 2 && n <= 25) check(text, f, f.id, { format: ANS, what: 'merchant account in the EMV common character set' });
    else if ((n >= 26 && n <= 51) || n >= 80) checkTemplate(text, f, {}, { format: n >= 80 ? ANY : ANS, what: 'template value' }, true);
    else if (n === 62) checkTemplate(text, f, ADDITIONAL, { format: ANS, what: 'additional data value' }, false);
    else if (n === 64) {
      need(text, f.sub!, '00', f.at, 'language preference 64.00');
      need(text, f.sub!, '01', f.at, 'alternate merchant name 64.01');
      checkTemplate(text, f, LANGUAGE, { format: ANY, what: 'language template value' }, false);
    } else if (n >= 65 && n <= 79) throw fail('reserved_id', f.id, text, f.at, 'IDs 65-79 are reserved for EMVCo');
    if (n >= 2 && n <= 51) accounts++;
  }
  if (accounts === 0) throw fail('missing_field', '02-51', text, end, 'at least one merchant account (02-51) is mandatory');
  const names: [string, string][] = [['52', 'merchant category code'], ['53', 'transaction currency'], ['58', 'country code'], ['59', 'merchant name'], ['60', 'merchant city']];
  for (let i = 0; i < names.length; i++) need(text, fields, names[i]![0], end, names[i]![1] + ' ' + names[i]![0]);
  checkFees(text, fields);
}
