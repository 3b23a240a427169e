import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { crc16, utf8Encode } from '../../../shared/bytes/index.ts';
import { boot, firmwareVersion, setOutputsInactive, type Device, type DigitalIO } from '../../../firmware/src/core/index.ts';
import { board as pixljs } from '../../../firmware/src/boards/pixljs/board.ts';

function fakePin(): DigitalIO & { writes: number[] } {
  const writes: number[] = [];
  return { writes, read: () => 0, write: (v) => void writes.push(v), close: () => undefined };
}

const inactive = suite('setOutputsInactive');

inactive('writes 0 to active-high outputs and 1 to active-low ones', () => {
  const high = fakePin();
  const low = fakePin();
  setOutputsInactive([{ io: high, activeLevel: 1 }, { io: low, activeLevel: 0 }]);
  assert.equal(high.writes, [0]);
  assert.equal(low.writes, [1]);
});

inactive.run();

const bootSuite = suite('boot');

bootSuite('sets every output inactive, then logs the banner with its CRC-16 and shows it on the display', () => {
  const outputs = [fakePin(), fakePin(), fakePin(), fakePin()];
  const shown: string[][] = [];
  const logged: string[] = [];
  const device: Device = {
    outputs: outputs.map((io) => ({ io, activeLevel: 1 as const })),
    inputs: [fakePin(), fakePin()],
    display: { show: (lines) => void shown.push(lines) },
  };
  const report = boot(pixljs, device, (line) => logged.push(line));
  assert.equal(outputs.map((o) => o.writes), [[0], [0], [0], [0]]);
  assert.is(report.banner, `WayGo ${firmwareVersion} pixljs`);
  assert.is(report.crc, crc16(utf8Encode(report.banner)));
  assert.equal(logged, [`${report.banner} crc=${report.crc.toString(16).padStart(4, '0')}`]);
  assert.is(shown.length, 1);
  assert.is(shown[0]![0], 'WayGoBox for Store');
});

bootSuite.run();
