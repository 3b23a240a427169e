import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { ERR, MESSAGE_LAYOUTS, MSG, decodeMessage, encodeMessage, isProtocolError } from '../../../shared/protocol/index.ts';
import { fieldsArbitrary } from './fixtures.ts';

const types = Object.values(MSG);

const encode = suite('encodeMessage');

encode('starts with version 1 and the type', () => {
  assert.equal(Array.from(encodeMessage(MSG.ERROR, { code: ERR.BUSY, detail: 0x0102 })), [1, 0x0f, ERR.BUSY, 1, 2]);
});

encode('gives the empty requests a two-byte message', () => {
  for (const type of [MSG.IV_REQUEST, MSG.INFO_REQUEST, MSG.LOG_CHALLENGE_REQUEST]) {
    assert.equal(Array.from(encodeMessage(type, {})), [1, type]);
  }
});

encode('throws UNKNOWN_TYPE for a type outside the table', () => {
  assert.throws(() => encodeMessage(0x10, {}), (e: unknown) => isProtocolError(e) && e.code === ERR.UNKNOWN_TYPE);
  assert.throws(() => encodeMessage(0, {}), (e: unknown) => isProtocolError(e) && e.code === ERR.UNKNOWN_TYPE);
});

encode.run();

const decode = suite('decodeMessage');

decode('round-trips any valid fields of every message type', () => {
  for (const type of types) {
    fc.assert(fc.property(fieldsArbitrary(MESSAGE_LAYOUTS[type]!), (fields) => {
      assert.equal(decodeMessage(encodeMessage(type, fields)), { ok: true, type, fields });
    }), { numRuns: 40 });
  }
});

decode('checks length, then version, then type, then the body', () => {
  assert.equal(decodeMessage(new Uint8Array([1])), { ok: false, code: ERR.BAD_LENGTH });
  assert.equal(decodeMessage(new Uint8Array([2, 0x40])), { ok: false, code: ERR.BAD_VERSION });
  assert.equal(decodeMessage(new Uint8Array([1, 0x40])), { ok: false, code: ERR.UNKNOWN_TYPE });
  assert.equal(decodeMessage(new Uint8Array([1, MSG.CANCEL, 1])), { ok: false, code: ERR.BAD_LENGTH });
});

decode('refuses LOG_RECORDS whose count disagrees with the records carried', () => {
  const bytes = encodeMessage(MSG.LOG_RECORDS, { count: 1, records: new Uint8Array(48) });
  bytes[2] = 2;
  assert.equal(decodeMessage(bytes), { ok: false, code: ERR.BAD_LENGTH });
});

decode('never throws and answers only fields or a wire code for random bytes', () => {
  const codes = [ERR.BAD_LENGTH, ERR.BAD_VERSION, ERR.UNKNOWN_TYPE];
  fc.assert(fc.property(fc.uint8Array({ maxLength: 120 }), fc.boolean(), (bytes, valid) => {
    if (valid && bytes.length >= 2) {
      bytes[0] = 1;
      bytes[1] = 1 + (bytes[1]! % 15);
    }
    const result = decodeMessage(bytes);
    if (!result.ok) assert.ok(codes.includes(result.code as never), String(result.code));
  }), { numRuns: 2000 });
});

decode.run();
