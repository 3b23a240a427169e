import { decode } from './decode.ts';
import { EmvError } from './error.ts';
import { PLAIN_FIELDS, TEMPLATE_FIELDS, isMerchantAccountId } from './fields.ts';
import type { EmvInput } from './fields.ts';
import { charCount, crcHex } from './text.ts';
import { tlv } from './tlv.ts';

export interface EncodeOptions {
  /** Check the result against EMVCo's rules (default true); false allows what lenient decoding accepts. */
  strict?: boolean;
}

interface Entry {
  id: string;
  tlv: string;
}

type Loose = { [key: string]: unknown };

const KEYS = ['payloadFormatIndicator', 'pointOfInitiation', 'merchantAccountInformation', 'mcc', 'currency', 'amount',
  'tipOrConvenienceIndicator', 'convenienceFeeFixed', 'convenienceFeePercentage', 'country', 'merchantName',
  'merchantCity', 'postalCode', 'additionalData', 'languageTemplate', 'otherTags', 'crc'];

function bad(id: string, rule: string): EmvError {
  return new EmvError('bad_input', id, -1, rule);
}

function isObject(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null && !(v instanceof Array);
}

function text(id: string, value: unknown): string {
  if (typeof value !== 'string') throw bad(id, 'value must be a string');
  const n = charCount(value);
  if (n === 0) throw new EmvError('zero_length', id, -1, 'value must not be empty');
  if (n > 99) throw new EmvError('too_long', id, -1, 'value must be at most 99 characters');
  return tlv(id.slice(-2), value);
}

/** A string value, or a template given as an object of sub-IDs (serialized in ascending sub-ID order). */
function item(id: string, value: unknown): string {
  if (!isObject(value)) return text(id, value);
  const subs = Object.keys(value).sort();
  if (subs.length === 0) throw new EmvError('zero_length', id, -1, 'template must hold at least one sub-ID');
  let body = '';
  for (let i = 0; i < subs.length; i++) {
    if (!/^\d\d$/.test(subs[i]!)) throw new EmvError('bad_id', id + '.' + subs[i], -1, 'sub-ID must be two digits');
    body += text(id + '.' + subs[i], value[subs[i]!]);
  }
  return text(id, body);
}

function group(key: string, value: unknown, accept: (id: string) => boolean, out: Entry[]): void {
  if (value === undefined) return;
  if (!isObject(value)) throw bad(key, key + ' must be an object keyed by ID');
  const ids = Object.keys(value);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!/^\d\d$/.test(id) || !accept(id)) throw new EmvError('bad_id', id, -1, 'ID ' + id + ' does not belong in ' + key);
    out.push({ id: id, tlv: item(id, value[id]) });
  }
}

/** Encodes the decoded JSON shape (without crc) and appends the CRC; the result is checked by `decode`,
 * so an input that encodes is an input that decodes back to itself. */
export function encode(input: EmvInput, options?: EncodeOptions): string {
  if (!isObject(input)) throw bad('', 'input must be an object');
  const loose = input as Loose;
  const keys = Object.keys(loose);
  for (let i = 0; i < keys.length; i++) if (KEYS.indexOf(keys[i]!) < 0) throw bad('', 'unknown key "' + keys[i] + '"');
  const entries: Entry[] = [];
  entries.push({ id: '00', tlv: text('00', input.payloadFormatIndicator === undefined ? '01' : input.payloadFormatIndicator) });
  const poi = loose.pointOfInitiation;
  if (poi !== undefined) {
    if (poi !== 'static' && poi !== 'dynamic') throw new EmvError('bad_format', '01', -1, 'pointOfInitiation must be "static" or "dynamic"');
    entries.push({ id: '01', tlv: tlv('01', poi === 'static' ? '11' : '12') });
  }
  group('merchantAccountInformation', loose.merchantAccountInformation, isMerchantAccountId, entries);
  for (let i = 1; i < PLAIN_FIELDS.length; i++) {
    const v = loose[PLAIN_FIELDS[i]!.key];
    if (v !== undefined) entries.push({ id: PLAIN_FIELDS[i]!.id, tlv: text(PLAIN_FIELDS[i]!.id, v) });
  }
  for (let i = 0; i < TEMPLATE_FIELDS.length; i++) {
    const v = loose[TEMPLATE_FIELDS[i]!.key];
    if (v !== undefined) entries.push({ id: TEMPLATE_FIELDS[i]!.id, tlv: item(TEMPLATE_FIELDS[i]!.id, v) });
  }
  group('otherTags', loose.otherTags, (id) => id === '01' || +id >= 65, entries);
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let body = '';
  for (let i = 0; i < entries.length; i++) body += entries[i]!.tlv;
  body += '6304';
  const payload = body + crcHex(body);
  decode(payload, { strict: !options || options.strict !== false });
  return payload;
}
