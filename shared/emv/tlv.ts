import { EmvError } from './error.ts';
import { advance, charCount, pad2 } from './text.ts';

/** One data object as found in the payload; indices are UTF-16 offsets into the whole payload. */
export interface TlvField {
  id: string;
  value: string;
  at: number;
  end: number;
}

/** Errors that mean "this text is not TLV" (a template kept as text in lenient mode), unlike duplicate IDs. */
export function isStructural(err: unknown): boolean {
  if (!(err instanceof EmvError)) return false;
  return err.code === 'truncated' || err.code === 'bad_id' || err.code === 'bad_length' || err.code === 'zero_length';
}

export function fail(code: EmvError['code'], id: string, text: string, at: number, rule: string): EmvError {
  return new EmvError(code, id, charCount(text, 0, at), rule);
}

/** Parses text[start, end) as consecutive ID(2) LENGTH(2) VALUE(LENGTH characters) objects. */
export function parseTlv(text: string, start: number, end: number, parent: string): TlvField[] {
  const fields: TlvField[] = [];
  const seen: { [id: string]: boolean } = {};
  const prefix = parent === '' ? '' : parent + '.';
  let i = start;
  while (i < end) {
    if (i + 4 > end) throw fail('truncated', prefix + text.slice(i, i + 2), text, i, 'data object header needs 4 characters');
    const id = text.slice(i, i + 2);
    const len = text.slice(i + 2, i + 4);
    if (!/^\d\d$/.test(id)) throw fail('bad_id', prefix + id, text, i, 'ID must be two digits');
    if (!/^\d\d$/.test(len)) throw fail('bad_length', prefix + id, text, i + 2, 'length must be two digits');
    const n = +len;
    if (n === 0) throw fail('zero_length', prefix + id, text, i + 2, 'length must be 01-99');
    const valueEnd = advance(text, i + 4, n);
    if (valueEnd < 0 || valueEnd > end) throw fail('truncated', prefix + id, text, i, 'value is shorter than its length ' + len);
    if (seen[id]) throw fail('duplicate_id', prefix + id, text, i, 'ID appears twice at one level');
    seen[id] = true;
    fields.push({ id: id, value: text.slice(i + 4, valueEnd), at: i, end: valueEnd });
    i = valueEnd;
  }
  return fields;
}

/** One serialized data object; the caller has checked the value is 1-99 characters. */
export function tlv(id: string, value: string): string {
  return id + pad2(charCount(value)) + value;
}
