import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import QRCode from 'qrcode';
import { utf8Encode } from '../../../../shared/bytes/index.ts';
import { MAX_VERSION, byteCapacity, encodeQr } from '../../../../firmware/src/core/qr/index.ts';
import * as samples from '../../../shared/emv/samples.ts';
import { scanModules } from './scan.ts';

const test = suite('encodeQr');

// The characters an EMV payload may hold in its ASCII fields (EMVCo's common character set: printable ASCII).
const emvChar = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const emvText = (max: number) => fc.string({ unit: emvChar, minLength: 1, maxLength: max });

function same(a: Uint8Array, b: Uint8Array | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
}

test('holds 17, 32, 53, 78, 106 and 134 bytes in versions 1 to 6 at level L', () => {
  assert.equal([1, 2, 3, 4, 5, 6].map(byteCapacity), [17, 32, 53, 78, 106, 134]);
  assert.is(MAX_VERSION, 6);
});

test('picks the smallest version that holds the bytes: 21 modules for 17 bytes, 41 for 107 to 134', () => {
  const sizes = [1, 17, 18, 32, 33, 53, 54, 78, 79, 106, 107, 134].map((n) => encodeQr(new Uint8Array(n).fill(65))!.size);
  assert.equal(sizes, [21, 21, 25, 25, 29, 29, 33, 33, 37, 37, 41, 41]);
});

test('returns undefined for 135 bytes, one more than version 6 holds', () => {
  assert.is(encodeQr(new Uint8Array(135)), undefined);
});

test('returns one 0 or 1 per module, size × size of them', () => {
  const code = encodeQr(utf8Encode('HELLO WORLD'))!;
  assert.is(code.modules.length, 21 * 21);
  assert.ok(code.modules.every((v) => v === 0 || v === 1));
});

test('matches the qrcode package module for module (byte mode, level L, mask 4) at every length 1 to 134', () => {
  for (let len = 1; len <= 134; len++) {
    const bytes = new Uint8Array(len).map((_, i) => 0x20 + ((i * 37 + len) % 95));
    const ref = QRCode.create([{ data: bytes, mode: 'byte' }], { errorCorrectionLevel: 'L', maskPattern: 4 });
    const mine = encodeQr(bytes)!;
    assert.is(mine.size, ref.modules.size, 'size at length ' + len);
    assert.ok(same(mine.modules, Uint8Array.from(ref.modules.data)), 'modules at length ' + len);
  }
});

test('decodes back exactly with jsQR for random EMV-character strings of 1 to 134 characters', () => {
  fc.assert(fc.property(emvText(134), (text) => {
    const bytes = utf8Encode(text);
    const code = encodeQr(bytes)!;
    return same(bytes, scanModules(code.modules, code.size));
  }), { numRuns: 150 });
});

test('decodes back exactly with jsQR for arbitrary bytes, UTF-8 names included', () => {
  fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 134 }), (bytes) => {
    const code = encodeQr(bytes)!;
    return same(bytes, scanModules(code.modules, code.size));
  }), { numRuns: 60 });
});

test('reads back with jsQR the five published EMV samples of at most 134 bytes (PromptPay, VietQR, DuitNow)', () => {
  let fitted = 0;
  for (const payload of Object.values(samples)) {
    const bytes = utf8Encode(payload);
    const code = encodeQr(bytes);
    if (bytes.length > 134) {
      assert.is(code, undefined);
      continue;
    }
    fitted++;
    assert.ok(same(bytes, scanModules(code!.modules, code!.size)), payload);
  }
  assert.is(fitted, 5);
});

test.run();
