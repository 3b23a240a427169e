import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PassThrough } from 'node:stream';
import { boards } from '../../../tools/build/index.ts';
import { main } from '../../../tools/cli/main.ts';
import { WIRING_DONE, parseWiringOutput, wiringTestCode } from '../../../tools/cli/wiring-test/wiring-code.ts';
import type { BoardData } from '../../../firmware/src/core/board.ts';
import { createSimulatedBox } from '../../../tools/simulator/index.ts';

/** The REPL text run as a program on the simulated interpreter (the REPL's `print` is console output there). */
function runOnSimulator(board: BoardData, text: string) {
  const program = text.split('\x10').join('');
  const box = createSimulatedBox({ board, code: `var print = function (s) { console.log(s); };\n${program}` });
  box.advance(10_000);
  return box;
}

const code = suite('wiringTestCode');

for (const board of boards) {
  code(`on ${board.id}, each output is pulsed once to its active level for the pulse width, in pin-map order`, () => {
    const box = runOnSimulator(board, wiringTestCode(board, { pulseMs: 200, gapMs: 300 }));
    const starts = board.pins.outputs.map((pin) => box.pinTrace.find((e) => e.pin === pin && e.level === board.outputActiveLevel));
    assert.ok(starts.every((e) => e !== undefined), JSON.stringify(box.pinTrace));
    const times = starts.map((e) => e!.t);
    assert.equal(times, [...times].sort((a, b) => a - b), 'in order');
    assert.ok(times.slice(1).every((t, i) => t - times[i]! >= 500), 'pulse plus gap apart');
    for (const pin of board.pins.outputs) {
      assert.is(box.pinTrace.filter((e) => e.pin === pin && e.level === board.outputActiveLevel).length, 1, `${pin} pulsed once`);
      assert.is(box.pin(pin).level, 1 - board.outputActiveLevel, `${pin} back to inactive`);
    }
  });

  code(`on ${board.id}, the printed lines read back as one event per output and input, then the end`, () => {
    const box = runOnSimulator(board, wiringTestCode(board));
    const parsed = parseWiringOutput(`${box.console.join('\r\n')}\r\n`);
    assert.ok(parsed.done);
    assert.equal(parsed.events.filter((e) => e.kind === 'output').map((e) => e.pin), board.pins.outputs);
    assert.equal(parsed.events.filter((e) => e.kind === 'input').map((e) => e.pin), board.pins.inputs);
  });
}

code('--output N pulses only that output', () => {
  const board = boards[0]!;
  const box = runOnSimulator(board, wiringTestCode(board, { output: 2 }));
  const pulsed = board.pins.outputs.filter((pin) => box.pinTrace.some((e) => e.pin === pin && e.level === board.outputActiveLevel));
  assert.equal(pulsed, [board.pins.outputs[2]]);
});

code('the reader skips REPL prompts and waits for a line to end', () => {
  const parsed = parseWiringOutput('>WIRING OUT 0 D1 1\r\n>WIRING OUT 1 D2 1\r\nWIRING OUT 2 D3');
  assert.equal(parsed.events.map((e) => e.pin), ['D1', 'D2']);
  assert.not.ok(parsed.done);
  assert.ok(parseWiringOutput(`${WIRING_DONE}\r\n`).done);
});

code.run();

const command = suite('wiringTestCommand');

command('needs a board and a link, and checks the output number against the board', async () => {
  const run = async (args: string[]) => {
    const err = new PassThrough();
    let text = '';
    err.on('data', (d) => (text += d));
    const code = await main(['wiring-test', ...args], { stdin: new PassThrough(), stdout: new PassThrough(), stderr: err });
    return { code, text };
  };
  assert.match((await run(['--board', 'puckjs'])).text, /--ble ADDR or --port DEV/);
  const bad = await run(['--board', 'puckjs', '--port', '/dev/null', '--output', '4']);
  assert.is(bad.code, 2);
  assert.match(bad.text, /--output must be an integer from 0 to 3/);
});

command.run();
