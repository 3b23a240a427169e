import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createSimulatedBox } from '../../../tools/simulator/index.ts';
import { boards } from '../../../tools/build/index.ts';

const [puckjs, pixljs] = boards as [typeof boards[0], typeof boards[0]];

function box(code: string, board = puckjs, seed?: number) {
  return createSimulatedBox({ board, code, seed });
}

const timers = suite('virtual timers');

timers('timeouts and intervals run at their exact virtual times, in order', () => {
  const b = box(`
    setTimeout(function () { console.log('t150 ' + getTime()); }, 150);
    var n = 0, id = setInterval(function () { console.log('i ' + getTime()); if (++n === 3) clearInterval(id); }, 100);
    setTimeout(function () { console.log('t100'); }, 100);`);
  b.advance(99);
  assert.equal(b.console, []);
  b.advance(1000);
  assert.equal(b.console, ['i 0.1', 't100', 't150 0.15', 'i 0.2', 'i 0.3']);
  assert.is(b.activeTimers(), 0);
});

timers('a callback scheduled by a callback runs after it, never inside it', () => {
  const b = box("setTimeout(function () { setTimeout(function () { console.log('inner'); }, 0); console.log('outer'); }, 10);");
  b.advance(10);
  assert.equal(b.console, ['outer', 'inner']);
});

timers('setTime moves getTime, and a reset starts getTime from 0 again', () => {
  const b = box("console.log(getTime()); setTime(1000); setTimeout(function () { console.log(getTime()); }, 500);");
  b.advance(700);
  b.reset();
  assert.equal(b.console, ['0', '1000.5', '0']);
});

const pulses = suite('digitalPulse');

pulses('a pulse drives the level at once and releases it after its width, queued pulses follow on', () => {
  const b = box('digitalWrite(D1, 0); digitalPulse(D1, 1, 30); digitalPulse(D1, 1, [20, 10, 20]);');
  b.advance(1000);
  assert.equal(b.pinTrace.map((e) => [e.t, e.level]), [[0, 0], [0, 1], [30, 0], [30, 1], [50, 0], [60, 1], [80, 0]]);
});

pulses('a zero width waits for the pulses on the pin before the code goes on', () => {
  const b = box("digitalPulse('D2', 1, 40); digitalPulse('D2', 1, 0); console.log(digitalRead('D2'));");
  assert.equal(b.console, ['0']);
  assert.equal(b.pinTrace.map((e) => [e.t, e.level]), [[0, 1], [40, 0]]);
});

const watches = suite('setWatch');

watches('edges from setInput reach a repeating watch with state and time; falling edges are filtered', () => {
  const b = box("pinMode('D11', 'input_pulldown'); setWatch(function (e) { console.log(e.state, e.time); }, 'D11', {repeat: true, edge: 'rising'});");
  b.advance(100);
  b.setInput('D11', 1);
  b.advance(100);
  b.setInput('D11', 0);
  b.setInput('D11', 1);
  assert.equal(b.console, ['true 0.1', 'true 0.2']);
});

watches('a debounced watch ignores a bounce shorter than its debounce and reports a stable level', () => {
  const b = box("setWatch(function (e) { console.log(e.state, getTime()); }, 'D0', {repeat: false, edge: 'both', debounce: 25});");
  b.setInput('D0', 1);
  b.advance(10);
  b.setInput('D0', 0);
  b.advance(30);
  b.setInput('D0', 1);
  b.advance(100);
  b.setInput('D0', 0);
  b.advance(100);
  assert.equal(b.console, ['true 0.065'], 'one report: the watch was not repeating');
});

const chip = suite('chip');

chip('E.hwRand is a seeded stream: the same seed gives the same words, another seed others', () => {
  const code = 'console.log(E.hwRand(), E.hwRand());';
  assert.equal(box(code, puckjs, 7).console, box(code, puckjs, 7).console);
  assert.not.equal(box(code, puckjs, 7).console, box(code, puckjs, 8).console);
});

chip('a manual watchdog not kicked in time resets the box; kicked, it does not', () => {
  const kicked = box('E.enableWatchdog(2, false); setInterval(function () { E.kickWatchdog(); }, 1000);');
  kicked.advance(10_000);
  assert.equal(kicked.chip.resets, []);
  const starved = box("console.log('boot'); if (!global.armed) E.enableWatchdog(2, false);");
  starved.advance(2000);
  assert.equal(starved.chip.resets, [{ t: 2000, reason: 'watchdog' }]);
  assert.equal(starved.console, ['boot', 'boot']);
});

chip('E.getBattery follows setBattery; E.toString and E.toUint8Array convert bytes', () => {
  const b = box('setInterval(function () { console.log(E.getBattery()); }, 10); console.log(E.toString([104, 105]), E.toUint8Array([1, 2], 3).length);');
  b.setBattery(12);
  b.advance(10);
  assert.equal(b.console, ['hi 3', '12']);
});

const uart = suite('UART');

uart('writes after setup are traced with their time; received bytes arrive as a binary string', () => {
  const b = box("Serial1.setup(9600, {tx: 'D28', rx: 'D29'}); Serial1.on('data', function (d) { Serial1.write([d.charCodeAt(0) + 1]); }); Serial1.write('A');");
  b.advance(5);
  b.uartReceive([0x10]);
  assert.equal(b.uart.setups.map((s) => s.baud), [9600]);
  assert.equal(b.uart.events.map((e) => [e.t, e.direction, [...e.bytes]]), [[0, 'tx', [65]], [5, 'rx', [0x10]], [5, 'tx', [0x11]]]);
});

const lcd = suite('Pixl.js LCD');

lcd('drawing reaches the panel on flip: pixels as ASCII, text as runs', () => {
  const b = box("g.clear(); g.fillRect(0, 0, 2, 1); g.drawString('PAID', 10, 20); g.setPixel(127, 63); g.flip(); g.drawString('later', 0, 0);", pixljs);
  const rows = b.lcd!.screen().split('\n');
  assert.is(rows.length, 64);
  assert.is(rows[0]!.slice(0, 4), '###.');
  assert.is(rows[63]!.slice(-2), '.#');
  assert.equal(b.lcd!.text().map((r) => [r.x, r.y, r.text]), [[10, 20, 'PAID']]);
  assert.is(b.lcd!.flips(), 1);
});

lcd('boards without a display have no g', () => {
  assert.equal(box('console.log(typeof g);').console, ['undefined']);
});

timers.run();
pulses.run();
watches.run();
chip.run();
uart.run();
lcd.run();
