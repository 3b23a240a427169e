import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc16, utf8Encode } from '../../../shared/bytes/index.ts';
import { firmwareVersion } from '../../../firmware/src/core/index.ts';
import { boards, buildBoard, buildTarget } from '../../../tools/build/index.ts';

// Runs the bytes that go on the box (minified, pretokenised) on a Linux build of the Espruino interpreter:
// make test-espruino ESPRUINO=/path/to/espruino. Skipped without one.
const interpreter = process.env.ESPRUINO;

// The Linux build has no LCD and no BLE stack: a stand-in `g` records what the Pixl.js would draw, and a
// stand-in NRF (assigned through `global`, the only way the interpreter accepts) what the box offers over BLE.
const fakeLcd = 'var g={clear:function(){},flip:function(){},drawString:function(s){print("lcd:"+s)}};\n';
const fakeNrf = 'global.NRF={setServices:function(s,o){print("nrf:uart="+o.uart)},setAdvertising:function(){},' +
  'updateServices:function(){},on:function(e){print("nrf:on:"+e)},disconnect:function(){}};\n';

function runEspruino(file: string, cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile(interpreter!, [file], { cwd, timeout: 20_000 }, (err, stdout) => (err ? fail(err) : done(stdout)));
  });
}

const onInterpreter = suite('firmware.min.js on the Espruino interpreter');
const out = await mkdtemp(join(tmpdir(), 'waygo-espruino-run-'));
onInterpreter.after(() => rm(out, { recursive: true, force: true }));

for (const board of boards) {
  const name = `the ${board.id} bundle boots, prints the banner CRC that Node computes and serves BLE without the REPL`;
  if (!interpreter) {
    onInterpreter.skip(name, () => undefined);
    continue;
  }
  onInterpreter(name, async () => {
    await buildBoard(buildTarget(board), out);
    const code = await readFile(join(out, board.id, 'firmware.min.js'));
    const file = join(out, `${board.id}-run.js`);
    await writeFile(file, Buffer.concat([Buffer.from(fakeNrf + (board.display === 'lcd' ? fakeLcd : '')), code]));
    const printed = await runEspruino(file, out);
    const banner = `WayGo ${firmwareVersion} ${board.id}`;
    assert.ok(printed.includes(`${banner} crc=${crc16(utf8Encode(banner)).toString(16).padStart(4, '0')}`), printed);
    if (board.display === 'lcd') assert.ok(printed.includes(`lcd:${banner}`), printed);
    assert.ok(printed.includes('nrf:uart=false'), 'the Nordic UART REPL service is off');
    assert.ok(printed.includes('nrf:on:connect') && printed.includes('nrf:on:disconnect'), printed);
  });
}

onInterpreter.run();
