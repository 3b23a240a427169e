// One table-driven codec for every fixed layout (messages, telegram plaintexts, log records). A layout is a
// space-separated string so it costs one string in flash instead of objects in RAM on the box:
//   name:N      unsigned big-endian integer of N = 1, 2 or 4 bytes
//   name*N      N raw bytes; a field named `reserved` is written as zeros and must read back as zeros
//   name*U/c    U × (value of the earlier integer field c) raw bytes (variable-length part)
import { copyBytes } from '../bytes/copy.ts';
import { readUint, writeUint } from '../bytes/int.ts';
import { ERR, protocolError } from './errors.ts';
import type { Fields } from './types.ts';

function tokens(layout: string): string[] {
  return layout === '' ? [] : layout.split(' ');
}

function separator(token: string): number {
  const star = token.indexOf('*');
  return star < 0 ? token.indexOf(':') : star;
}

/** Byte size of one token; -1 when its count field is missing. */
function tokenSize(token: string, fields: Fields): number {
  const spec = token.slice(separator(token) + 1);
  const slash = spec.indexOf('/');
  if (slash < 0) return parseInt(spec, 10);
  const count = fields[spec.slice(slash + 1)];
  return typeof count === 'number' ? parseInt(spec.slice(0, slash), 10) * count : -1;
}

function isReserved(name: string): boolean {
  return name === 'reserved';
}

/** Decoded fields, or ERR.BAD_LENGTH when the bytes do not fill the layout exactly, or ERR.BAD_FIELD. */
export function decodeFields(layout: string, bytes: Uint8Array, start: number, end: number): Fields | number {
  const list = tokens(layout);
  const fields: Fields = {};
  let at = start;
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    const name = token.slice(0, separator(token));
    const size = tokenSize(token, fields);
    if (size < 0 || at + size > end) return ERR.BAD_LENGTH;
    if (token.indexOf('*') < 0) {
      fields[name] = readUint(bytes, at, size);
    } else if (isReserved(name)) {
      for (let j = at; j < at + size; j++) if (bytes[j] !== 0) return ERR.BAD_FIELD;
    } else {
      fields[name] = copyBytes(bytes, at, at + size);
    }
    at += size;
  }
  return at === end ? fields : ERR.BAD_LENGTH;
}

/** Bytes of `fields` laid out; throws a ProtocolError (BAD_FIELD) on a missing, mis-sized or out-of-range field. */
export function encodeFields(layout: string, fields: Fields, prefix?: Uint8Array): Uint8Array {
  const list = tokens(layout);
  const head = prefix === undefined ? 0 : prefix.length;
  let total = head;
  for (let i = 0; i < list.length; i++) {
    const size = tokenSize(list[i]!, fields);
    if (size < 0) throw protocolError(ERR.BAD_FIELD, 'count field missing for ' + list[i]);
    total += size;
  }
  const out = new Uint8Array(total);
  if (prefix !== undefined) out.set(prefix);
  let at = head;
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    const name = token.slice(0, separator(token));
    const size = tokenSize(token, fields);
    const value = fields[name];
    if (token.indexOf('*') < 0) {
      if (typeof value !== 'number' || value < 0 || value % 1 !== 0 || value >= Math.pow(256, size)) {
        throw protocolError(ERR.BAD_FIELD, name + ' must be a uint of ' + size + ' bytes');
      }
      writeUint(out, at, size, value);
    } else if (!isReserved(name)) {
      if (!(value instanceof Uint8Array) || value.length !== size) {
        throw protocolError(ERR.BAD_FIELD, name + ' must be ' + size + ' bytes');
      }
      out.set(value, at);
    }
    at += size;
  }
  return out;
}

/** Size of a layout with no variable part (telegram plaintexts, log records). */
export function layoutSize(layout: string): number {
  const list = tokens(layout);
  let total = 0;
  for (let i = 0; i < list.length; i++) total += tokenSize(list[i]!, {});
  return total;
}

/** [name, kind, size] rows for documentation and tools: kind is 'uint' or 'bytes'; size is a string like '16/blocks'. */
export function describeLayout(layout: string): string[][] {
  const list = tokens(layout);
  const rows: string[][] = [];
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    const at = separator(token);
    rows.push([token.slice(0, at), token.charAt(at) === '*' ? 'bytes' : 'uint', token.slice(at + 1)]);
  }
  return rows;
}
