// Not `extends Error`: subclassing built-ins is broken on Espruino once TypeScript lowers the class to ES5,
// so the codec's one error type is a plain class. Callers test `err instanceof EmvError` and read `code`.

export type EmvErrorCode =
  | 'bad_input'
  | 'truncated'
  | 'bad_id'
  | 'bad_length'
  | 'zero_length'
  | 'duplicate_id'
  | 'crc_mismatch'
  | 'not_first'
  | 'not_last'
  | 'missing_field'
  | 'bad_format'
  | 'too_long'
  | 'reserved_id';

/** A rejected payload or encoder input. `id` is the data object ("62" or "62.05"); `position` is the
 * 0-based character (code point) offset in the payload, or -1 when the input has no payload yet. */
export class EmvError {
  readonly name: string;
  readonly code: EmvErrorCode;
  readonly id: string;
  readonly position: number;
  readonly message: string;
  constructor(code: EmvErrorCode, id: string, position: number, rule: string) {
    this.name = 'EmvError';
    this.code = code;
    this.id = id;
    this.position = position;
    this.message = rule + ' (ID ' + (id === '' ? '-' : id) + (position < 0 ? ')' : ', character ' + position + ')');
  }
  toString(): string {
    return 'EmvError ' + this.code + ': ' + this.message;
  }
}
