import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { crc16, utf8Encode } from '../../../shared/bytes/index.ts';
import { firmwareVersion } from '../../../firmware/src/core/index.ts';
import { boards, buildBoard, buildTarget } from '../../../tools/build/index.ts';

// Runs each built ES5 bundle in a bare V8 context holding only fakes of the Espruino globals it calls.
// The full simulator replaces this later; here it shows the entry boots.

interface Globals {
  writes: [string, number][];
  modes: [string, string][];
  logged: string[];
  drawn: string[];
}

function espruinoFakes(state: Globals): Record<string, unknown> {
  return {
    digitalWrite: (pin: string, value: number) => void state.writes.push([pin, value]),
    digitalRead: () => 0,
    pinMode: (pin: string, mode: string) => void state.modes.push([pin, mode]),
    console: { log: (line: string) => void state.logged.push(line) },
    g: { clear: () => undefined, flip: () => undefined, drawString: (text: string) => void state.drawn.push(text) },
  };
}

const out = await mkdtemp(join(tmpdir(), 'waygo-bundle-run-'));
const bundle = suite('firmware bundle');
bundle.after(() => rm(out, { recursive: true, force: true }));

for (const board of boards) {
  bundle(`the ${board.id} bundle drives its four outputs inactive and logs the banner CRC`, async () => {
    await buildBoard(buildTarget(board), out);
    const code = await readFile(join(out, board.id, 'firmware.js'), 'utf8');
    const state: Globals = { writes: [], modes: [], logged: [], drawn: [] };
    runInNewContext(code, espruinoFakes(state), { filename: `${board.id}/firmware.js` });
    assert.equal(state.writes, board.pins.outputs.map((pin) => [pin, 0]));
    assert.equal(state.modes, board.pins.inputs.map((pin) => [pin, 'input_pulldown']));
    const banner = `WayGo ${firmwareVersion} ${board.id}`;
    assert.equal(state.logged, [`${banner} crc=${crc16(utf8Encode(banner)).toString(16).padStart(4, '0')}`]);
    assert.is(state.drawn.length, board.display === 'lcd' ? 3 : 0);
  });
}

bundle.run();
