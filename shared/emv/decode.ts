import { EmvError } from './error.ts';
import { PLAIN_FIELDS, TEMPLATE_FIELDS, isMerchantAccountId, isTemplateId } from './fields.ts';
import type { EmvPayload, EmvTemplate, EmvValue } from './fields.ts';
import { checkStrict } from './strict.ts';
import { crcHex } from './text.ts';
import { fail, isStructural, parseTlv } from './tlv.ts';
import type { TlvField } from './tlv.ts';

export interface DecodeOptions {
  /** Enforce EMVCo's mandatory fields, formats and maximum lengths (default: lenient). */
  strict?: boolean;
}

/** A root data object, with its sub-objects when it is a template whose value parsed as TLV. */
export interface ParsedField extends TlvField {
  sub?: TlvField[];
}

function checkCrc(text: string, valueAt: number): void {
  const given = text.slice(valueAt);
  const expected = crcHex(text.slice(0, valueAt));
  if (given.toUpperCase() !== expected) {
    throw fail('crc_mismatch', '63', text, valueAt, 'CRC-16/CCITT-FALSE of the payload is ' + expected + ', not ' + given);
  }
}

/** Splits and checks a payload: CRC, 00 first, 63 last, no duplicate IDs, templates parsed where they can be. */
export function parsePayload(text: string, strict: boolean): ParsedField[] {
  if (typeof text !== 'string') throw new EmvError('bad_input', '', -1, 'payload must be a string');
  const len = text.length;
  // Checking the CRC before the structure reports a damaged payload as damaged, not as whatever a
  // flipped length digit happens to look like.
  const tailIsCrc = len >= 8 && text.slice(len - 8, len - 4) === '6304';
  if (tailIsCrc) checkCrc(text, len - 4);
  const fields: ParsedField[] = parseTlv(text, 0, len, '');
  if (fields.length === 0) throw new EmvError('truncated', '00', 0, 'payload is empty');
  if (fields[0]!.id !== '00') throw fail('not_first', '00', text, 0, 'payload format indicator 00 must come first');
  const last = fields[fields.length - 1]!;
  for (let i = 0; i < fields.length - 1; i++) {
    if (fields[i]!.id === '63') throw fail('not_last', '63', text, fields[i]!.at, 'CRC 63 must be the last data object');
  }
  if (last.id !== '63') throw fail('missing_field', '63', text, len, 'payload must end with CRC 63');
  if (text.slice(last.at + 2, last.at + 4) !== '04') throw fail('bad_length', '63', text, last.at + 2, 'CRC 63 must have length 04');
  if (!tailIsCrc) checkCrc(text, last.at + 4);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (!isTemplateId(f.id)) continue;
    try {
      f.sub = parseTlv(text, f.at + 4, f.end, f.id);
    } catch (err) {
      if (strict || !isStructural(err)) throw err;
    }
  }
  return fields;
}

function valueOf(f: ParsedField): EmvValue {
  if (!f.sub) return f.value;
  const t: EmvTemplate = {};
  const sub = f.sub.slice().sort((a, b) => (a.id < b.id ? -1 : 1));
  for (let i = 0; i < sub.length; i++) t[sub[i]!.id] = sub[i]!.value;
  return t;
}

function group(byId: { [id: string]: EmvValue }, ids: string[]): { [id: string]: EmvValue } | undefined {
  if (ids.length === 0) return undefined;
  const out: { [id: string]: EmvValue } = {};
  ids.sort();
  for (let i = 0; i < ids.length; i++) out[ids[i]!] = byId[ids[i]!]!;
  return out;
}

/** Builds the documented JSON shape; keys appear in a fixed order and absent data objects stay absent. */
function toPayload(fields: ParsedField[]): EmvPayload {
  const byId: { [id: string]: EmvValue } = {};
  const accounts: string[] = [];
  const others: string[] = [];
  for (let i = 0; i < fields.length; i++) byId[fields[i]!.id] = valueOf(fields[i]!);
  // crc is assigned last so JSON output lists the keys in the documented order.
  const out = { payloadFormatIndicator: byId['00'] as string } as EmvPayload;
  const poi = byId['01'];
  if (poi === '11') out.pointOfInitiation = 'static';
  else if (poi === '12') out.pointOfInitiation = 'dynamic';
  else if (poi !== undefined) others.push('01');
  for (let i = 0; i < fields.length; i++) {
    const id = fields[i]!.id;
    if (isMerchantAccountId(id)) accounts.push(id);
    else if (+id >= 65) others.push(id);
  }
  const mai = group(byId, accounts);
  if (mai) out.merchantAccountInformation = mai;
  for (let i = 1; i < PLAIN_FIELDS.length; i++) {
    const v = byId[PLAIN_FIELDS[i]!.id];
    if (v !== undefined) out[PLAIN_FIELDS[i]!.key] = v as string;
  }
  for (let i = 0; i < TEMPLATE_FIELDS.length; i++) {
    const v = byId[TEMPLATE_FIELDS[i]!.id];
    if (v !== undefined) out[TEMPLATE_FIELDS[i]!.key] = v;
  }
  const other = group(byId, others);
  if (other) out.otherTags = other;
  out.crc = byId['63'] as string;
  return out;
}

/** Decodes a merchant-presented EMV QR payload; throws EmvError naming the rule, ID and character position. */
export function decode(text: string, options?: DecodeOptions): EmvPayload {
  const strict = !!(options && options.strict);
  const fields = parsePayload(text, strict);
  if (strict) checkStrict(text, fields);
  return toPayload(fields);
}
