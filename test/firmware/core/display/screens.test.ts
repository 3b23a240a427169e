import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { decode, encode, wayGoAccount } from '../../../../shared/emv/index.ts';
import { drawScreen, wrap, type DisplayContext, type LogEntry } from '../../../../firmware/src/core/display/index.ts';
import { pixelGfx, scanScreen } from './pixels.ts';
import { loadInNode } from '../load-in-node.ts';

const template = encode({
  pointOfInitiation: 'static',
  merchantAccountInformation: { '49': wayGoAccount('PIXL-7F3A') },
  mcc: '5812', currency: '764', country: 'TH', merchantName: 'NOODLE BAR 24', merchantCity: 'BANGKOK',
  additionalData: { '07': 'PIXL-7F3A' },
});

const records: LogEntry[] = [
  { seq: 40, time: 1717243500, amount: 4000, currency: 764, result: 0 },
  { seq: 41, time: 0, amount: 150, currency: 392, result: 3 },
];

function context(over?: Partial<DisplayContext['config']>): DisplayContext {
  return {
    config: { merchant: 'Noodle Bar Sukhumvit 24', template, currency: 764, amountStep: 500, ...over },
    logCount: records.length,
    readRecord: (i) => records[i],
    load: loadInNode,
  };
}

const test = suite('drawScreen');

test('idle shows the merchant name beside a QR that scans back to the static template', () => {
  const g = pixelGfx();
  drawScreen(g, { kind: 'idle', amount: 0 }, context());
  assert.equal(g.texts.slice(0, 3), ['Noodle Bar', 'Sukhumvit', '24']);
  assert.is(scanScreen(g.pixels), template);
  assert.is(g.calls[0], 'clear');
  assert.is(g.calls[g.calls.length - 1], 'flip');
});

test('idle with a requested amount shows it and its QR scans to a dynamic payload carrying it', () => {
  const g = pixelGfx();
  drawScreen(g, { kind: 'idle', amount: 12550 }, context());
  assert.ok(g.texts.includes('125.50 THB'));
  const decoded = decode(scanScreen(g.pixels)!, { strict: true });
  assert.is(decoded.amount, '125.50');
  assert.is(decoded.pointOfInitiation, 'dynamic');
});

test('idle QR keeps a quiet zone of at least four modules inside the 64-pixel square for versions 1 to 6', () => {
  // The idle screen shows the template as given when no amount is requested, so plain text reaches every version.
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom('A', 'b', '7', ' '), minLength: 1, maxLength: 134 }), (text) => {
    const g = pixelGfx();
    drawScreen(g, { kind: 'idle', amount: 0 }, context({ template: text }));
    const image = /image (\d+),(\d+) (\d+)x\d+ x(\d+)/.exec(g.calls.join('\n'))!;
    const [x, y, size, scale] = [1, 2, 3, 4].map((i) => Number(image[i])) as [number, number, number, number];
    return y >= 4 * scale && x - 64 >= 4 * scale && y + (size + 4) * scale <= 64 && scanScreen(g.pixels) === text;
  }), { numRuns: 40 });
});

test('idle says so when the box has no template or the payload is longer than the QR holds', () => {
  const g = pixelGfx();
  drawScreen(g, { kind: 'idle', amount: 0 }, context({ template: '' }));
  assert.ok(g.texts.includes('Not set up'));
  drawScreen(g, { kind: 'idle', amount: 0 }, context({ template: '0002010102' + 'x'.repeat(140) + '63041234' }));
  assert.ok(g.texts.includes('QR too long'));
});

test('payment in progress shows the amount in large digits, the currency and the wallet', () => {
  const g = pixelGfx();
  drawScreen(g, { kind: 'paying', payment: { amount: 4000, currency: 764, walletId: 77 } }, context());
  assert.ok(g.calls.some((c) => / x2 40\.00$/.test(c)));
  assert.ok(g.texts.includes('THB') && g.texts.includes('wallet 77'));
});

test('the staff view of a merchant-counter payment shows PAID, the amount and the wallet', () => {
  const g = pixelGfx();
  drawScreen(g, { kind: 'counter', payment: { amount: 1500, currency: 392, walletId: 9 } }, context());
  assert.ok(g.texts.includes('PAID') && g.texts.includes('1500') && g.texts.includes('wallet 9'));
});

test('results say paid, or refused and error with their code', () => {
  const g = pixelGfx();
  drawScreen(g, { kind: 'result', outcome: 'paid', code: 0, payment: { amount: 4000, currency: 764, walletId: 1 } }, context());
  assert.equal(g.texts, ['PAID', '40.00 THB']);
  drawScreen(g, { kind: 'result', outcome: 'refused', code: 12 }, context());
  assert.equal(g.texts, ['REFUSED', 'code 12']);
  drawScreen(g, { kind: 'result', outcome: 'error', code: 3 }, context());
  assert.equal(g.texts, ['ERROR', 'code 3']);
});

test('a log page shows one record: position, sequence, time, amount and result', () => {
  const g = pixelGfx();
  drawScreen(g, { kind: 'log', index: 0 }, context());
  assert.equal(g.texts, ['Log 1/2', '#40', '2024-06-01 12:05', '40.00 THB', 'paid', '<Prev', 'Next>']);
  drawScreen(g, { kind: 'log', index: 1 }, context());
  assert.equal(g.texts.slice(0, 5), ['Log 2/2', '#41', 'no clock', '150 JPY', 'refused']);
});

test('a log page says when the log is empty or a record cannot be read', () => {
  const g = pixelGfx();
  drawScreen(g, { kind: 'log', index: 0 }, { ...context(), logCount: 0, readRecord: () => undefined });
  assert.ok(g.texts.includes('empty'));
  drawScreen(g, { kind: 'log', index: 5 }, { ...context(), logCount: 9, readRecord: () => undefined });
  assert.ok(g.texts.includes('unreadable'));
});

test.run();

const wrapping = suite('wrap');

wrapping('cuts at spaces, hard-cuts words longer than a line, and stops at the line limit', () => {
  assert.equal(wrap('Noodle Bar Sukhumvit 24', 10, 3), ['Noodle Bar', 'Sukhumvit', '24']);
  assert.equal(wrap('Supercalifragilistic', 10, 3), ['Supercalif', 'ragilistic']);
  assert.equal(wrap('a b c d e f g h i j k l m n o p', 3, 2), ['a b', 'c d']);
});

wrapping('never gives a line longer than the width', () => {
  fc.assert(fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 1, max: 21 }), (text, width) =>
    wrap(text, width, 8).every((line) => line.length <= width && line.length > 0)));
});

wrapping.run();
