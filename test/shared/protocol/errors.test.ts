import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ERR, isProtocolError, protocolError } from '../../../shared/protocol/index.ts';

const codes = suite('ERR');

codes('gives every error a distinct one-byte code', () => {
  const values = Object.values(ERR);
  assert.is(new Set(values).size, values.length);
  for (const code of values) assert.ok(code > 0 && code < 256);
});

codes.run();

const make = suite('protocolError');

make('is an Error carrying its code and message', () => {
  const error = protocolError(ERR.BAD_MAC, 'tag mismatch');
  assert.instance(error, Error);
  assert.is(error.code, ERR.BAD_MAC);
  assert.is(error.message, 'tag mismatch');
  assert.ok(isProtocolError(error));
});

make.run();

const is = suite('isProtocolError');

is('is false for plain errors and non-errors', () => {
  assert.not.ok(isProtocolError(new Error('x')));
  assert.not.ok(isProtocolError({ code: 1 }));
});

is.run();
