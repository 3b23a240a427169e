// No radio here: the page's logic runs against fake connections (one answering like a box's REPL, one backed by
// the Espruino simulator), and the Web Bluetooth adapter itself is only bundled, not driven.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { firmwareVersion } from '../../../firmware/src/core/boot.ts';
import { boards } from '../../../tools/build/index.ts';
import { buildInstaller } from '../../../tools/installer/build.ts';
import type { BoxConnection } from '../../../tools/installer/page/connection.ts';
import { INFO_EXPRESSION, describeInfo, readBoxInfo, runWiringTest } from '../../../tools/installer/page/installer.ts';
import { installerRoutes } from '../../../cloud/routes/installer/index.ts';
import { createSimulatedBox } from '../../../tools/simulator/index.ts';

/** A box's REPL as far as the info expression reaches: process.env, E, Puck, Storage. */
function replConnection(globals: Record<string, unknown>, files: string[], bootcde = readFileSync('build/pixljs/firmware.min.js', 'latin1')): BoxConnection {
  const context = createContext({ ...globals, require: () => ({ list: () => files, read: (name: string) => (name === '.bootcde' && files.includes(name) ? bootcde : undefined) }) });
  return {
    eval: (expression) => Promise.resolve(JSON.parse(JSON.stringify(runInContext(`(${expression})`, context)))),
    write: () => Promise.resolve(),
    onOutput: () => () => undefined,
    close: () => Promise.resolve(),
  };
}

/** Each write runs on a simulated box of `board`; what it prints comes back in two pieces, as BLE splits it. */
function simulatedConnection(board: (typeof boards)[number]): BoxConnection & { writes: string[] } {
  const listeners: ((text: string) => void)[] = [];
  const writes: string[] = [];
  return {
    writes,
    eval: () => Promise.reject(new Error('not used')),
    write(text) {
      writes.push(text);
      const program = text.split('\x10').join('');
      const box = createSimulatedBox({ board, code: `var print = function (s) { console.log(s); };\n${program}` });
      box.advance(10_000);
      const printed = `${box.console.join('\r\n')}\r\n>`;
      const half = Math.floor(printed.length / 2);
      setTimeout(() => {
        for (const l of [...listeners]) l(printed.slice(0, half));
        for (const l of [...listeners]) l(printed.slice(half));
      }, 5);
      return Promise.resolve();
    },
    onOutput(listener) {
      listeners.push(listener);
      return () => void listeners.splice(listeners.indexOf(listener), 1);
    },
    close: () => Promise.resolve(),
  };
}

const info = suite('readBoxInfo');

info('a Pixl.js in install mode shows as WayGoBox for Store with its Espruino and firmware versions, keys and battery', async () => {
  const bundle = readFileSync('build/pixljs/firmware.min.js', 'latin1');
  const connection = replConnection({ process: { env: { BOARD: 'PIXLJS', VERSION: '2v29' } }, E: { getBattery: () => 76.4 } }, ['.bootcde', 'waygo.keys']);
  const box = await readBoxInfo(connection);
  assert.is(box.board?.id, 'pixljs');
  assert.equal([box.espruinoVersion, box.firmwareBytes, box.provisioned, box.configured, box.batteryPercent], ['2v29', bundle.length, true, false, 76]);
  assert.is(box.firmwareVersion, firmwareVersion, 'read from the built bundle\'s boot banner');
  assert.equal(describeInfo(box), [
    'Board: WayGoBox for Store (pixljs)', 'Espruino: 2v29', `WayGo firmware: ${firmwareVersion}, ${bundle.length} bytes in Storage`,
    'Keys: provisioned; configuration: none yet', 'Battery: 76%',
  ]);
});

info('a blank board shows no firmware', async () => {
  const box = await readBoxInfo(replConnection({ process: { env: { BOARD: 'MDBT42Q', VERSION: '2v29' } }, E: { getBattery: () => 100 } }, []));
  assert.equal([box.firmwareBytes, box.firmwareVersion], [0, undefined]);
  assert.is(describeInfo(box)[2], 'WayGo firmware: not flashed');
});

info('a Puck.js reports its battery through Puck.getBatteryPercentage where it has it', async () => {
  const connection = replConnection({ process: { env: { BOARD: 'PUCKJS', VERSION: '2v29' } }, E: { getBattery: () => 1 }, Puck: { getBatteryPercentage: () => 93 } }, []);
  const box = await readBoxInfo(connection);
  assert.equal([box.board?.id, box.batteryPercent, box.provisioned], ['puckjs', 93, false]);
});

info('another Espruino board is named but not taken for a WayGo box', async () => {
  const box = await readBoxInfo(replConnection({ process: { env: { BOARD: 'BANGLEJS2', VERSION: '2v29' } }, E: { getBattery: () => 50 } }, []));
  assert.is(box.board, undefined);
  assert.match(describeInfo(box)[0]!, /BANGLEJS2 \(not a WayGo board\)/);
});

info('the info expression is a single ES5 expression', () => {
  assert.not.ok(/=>|`|\blet\b|\bconst\b/.test(INFO_EXPRESSION));
});

info.run();

const wiring = suite('runWiringTest');

wiring('one button pulses one output: the box reports that output and its inputs, then the end', async () => {
  const board = boards[1]!;
  const connection = simulatedConnection(board);
  const run = await runWiringTest(connection, board, 3);
  assert.ok(run.done);
  assert.equal(run.events.filter((e) => e.kind === 'output').map((e) => e.index), [3]);
  assert.is(run.events.filter((e) => e.kind === 'input').length, board.pins.inputs.length);
});

wiring('pulse all reports every output in order', async () => {
  const board = boards[2]!;
  const run = await runWiringTest(simulatedConnection(board), board, undefined);
  assert.equal(run.events.filter((e) => e.kind === 'output').map((e) => e.pin), board.pins.outputs);
});

wiring('a box that never finishes resolves with what it printed once the time is up', async () => {
  const silent: BoxConnection = { eval: () => Promise.resolve(null), write: () => Promise.resolve(), onOutput: () => () => undefined, close: () => Promise.resolve() };
  const run = await runWiringTest(silent, boards[0]!, 0, 30);
  assert.equal(run, { events: [], done: false });
});

wiring.run();

const page = suite('installerRoutes');
const out = mkdtempSync(join(tmpdir(), 'waygo-installer-'));
page.after(() => rmSync(out, { recursive: true, force: true }));

page('the page builds into index.html and one bundle holding @espruino-tools/core and the wiring test, and is served at /install', async () => {
  await buildInstaller(out);
  const bundle = readFileSync(join(out, 'installer.js'), 'utf8');
  assert.ok(bundle.includes('WIRING DONE'));
  assert.ok(bundle.includes('eval(process.env.CONSOLE)'), 'the @espruino-tools UART is bundled');
  const app = installerRoutes(out);
  const html = await app.request('/');
  assert.is(html.status, 200);
  assert.match(html.headers.get('content-type')!, /text\/html/);
  assert.match(await html.text(), /src="\/install\/installer\.js"/);
  const js = await app.request('/installer.js');
  assert.is(js.status, 200);
  assert.is((await js.text()).length, bundle.length);
});

page('an unbuilt page answers 404 with how to build it', async () => {
  const res = await installerRoutes(join(out, 'missing')).request('/');
  assert.is(res.status, 404);
  assert.match(await res.text(), /tools\/installer\/cli\.ts/);
});

page.run();
