import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { boards } from '../../../tools/build/targets.ts';
import { layouts } from '../../../tools/wiring/layouts.ts';
import { pinMapSvg, roleOf } from '../../../tools/wiring/pin-map-svg.ts';

const pinMap = suite('pinMapSvg');

pinMap('places every output, input and UART pin of each board on a pad of its physical layout', () => {
  for (const board of boards) {
    const pads = Object.values(layouts[board.id]!.edges).flat();
    for (const pin of [...board.pins.outputs, ...board.pins.inputs, board.pins.uart.tx, board.pins.uart.rx]) {
      assert.ok(pads.includes(pin), `${board.id} ${pin} is not on a pad the installer can reach`);
    }
  }
});

pinMap('labels each pad with its WayGo role', () => {
  for (const board of boards) {
    const svg = pinMapSvg(board, layouts[board.id]!);
    board.pins.outputs.forEach((_, i) => assert.ok(svg.includes(`>OUT${i + 1}<`)));
    assert.ok(svg.includes('>UART TX<') && svg.includes('>UART RX<') && svg.includes('>IN2<'));
    assert.is(roleOf(board, board.pins.inputs[0]!).label, 'IN1');
  }
});

pinMap('the committed pictures in docs/wiring match the board data', () => {
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/wiring/generate.ts', '--check'], { stdio: 'pipe' });
});

pinMap.run();
