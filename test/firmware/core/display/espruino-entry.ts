// Bundle entry run on the Espruino interpreter by espruino.test.ts (never imported by Node tests): draws the
// idle screen through the board's Lcd onto a 128×64 1-bit Graphics buffer standing in for the Pixl.js LCD,
// prints the QR square's pixels for jsQR, the text calls, and encoding time and JsVar usage.
import { drawScreen, type LogEntry } from '../../../../firmware/src/core/display/index.ts';
import { encodeQr } from '../../../../firmware/src/core/qr/index.ts';
import { Lcd } from '../../../../firmware/src/boards/espruino/lcd.ts';
import { loadInNode } from '../load-in-node.ts';

declare const Graphics: { createArrayBuffer(w: number, h: number, bpp: number): { getPixel(x: number, y: number): number; flip(): void } };
declare const global: { g: unknown };
// Set by the test in a line before the bundle.
declare const TEMPLATE: string;
declare function getTime(): number;

const screen = Graphics.createArrayBuffer(128, 64, 1);
global.g = screen;
// A buffer Graphics has no flip(); the Pixl.js LCD's sends the buffer to the display.
screen.flip = function () {};
const usage = () => (process as unknown as { memory(): { usage: number } }).memory().usage;
const template = TEMPLATE;
const records: LogEntry[] = [{ seq: 7, time: 1717243500, amount: 4000, currency: 764, result: 0 }];
const ctx = { config: { merchant: 'Noodle Bar', template, currency: 764, amountStep: 100 }, logCount: 1, readRecord: (i: number) => records[i], load: loadInNode };

let payload = '';
for (let i = 0; i < 110; i++) payload += String.fromCharCode(48 + ((i * 7) % 43));
const bytes = new Uint8Array(payload.length);
for (let i = 0; i < bytes.length; i++) bytes[i] = payload.charCodeAt(i);
const before = usage();
let start = getTime();
encodeQr(bytes);
const first = getTime() - start;
start = getTime();
for (let i = 0; i < 5; i++) encodeQr(bytes);
console.log('time encode 110 B: first ' + (first * 1000).toFixed(1) + ' ms, then ' + ((getTime() - start) * 200).toFixed(1) + ' ms; jsvars before ' + before + ', holding the result ' + usage());

start = getTime();
drawScreen(new Lcd(), { kind: 'idle', amount: 12550 }, ctx);
console.log('time idle screen with encoding: ' + ((getTime() - start) * 1000).toFixed(1) + ' ms');
let bits = '';
for (let y = 0; y < 64; y++) for (let x = 64; x < 128; x++) bits += screen.getPixel(x, y) ? '1' : '0';
console.log('square ' + bits);
start = getTime();
drawScreen(new Lcd(), { kind: 'log', index: 0 }, ctx);
console.log('time log screen: ' + ((getTime() - start) * 1000).toFixed(1) + ' ms');
let dark = 0;
for (let y = 0; y < 64; y++) for (let x = 0; x < 128; x++) dark += screen.getPixel(x, y);
console.log('log dark pixels ' + dark);
