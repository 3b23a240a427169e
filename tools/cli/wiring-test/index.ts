import { FlashError, sendToBox } from '../../flash/index.ts';
import { CliError, type Command } from '../command.ts';
import { boardOption, linkOption, parseArgs } from '../flash/options.ts';
import { parseWiringOutput, wiringTestCode } from './wiring-code.ts';

const usage = `Usage: waygo wiring-test --board <puckjs|pixljs|mdbt42q> (--ble ADDR | --port DEV) [--output N] [--pulse-ms MS] [--gap-ms MS]

For a box in install mode: pulses each output (or only output N, 0-3) to its active level for MS
milliseconds (default 500) with a gap (default 1000), using the board's pin map, then prints each input's
level. Watch the machine: each pulse should reach the input it is wired to (docs/wiring.md).`;

function numberOption(value: string | undefined, name: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new CliError('usage', `--${name} must be an integer from 0 to ${max}`);
  return n;
}

export const wiringTestCommand: Command = {
  name: 'wiring-test',
  summary: 'pulse each output of a box in install mode and print its inputs',
  usage,
  async run(args, io) {
    const parsed = parseArgs(args, ['board', 'ble', 'port', 'output', 'pulse-ms', 'gap-ms'], [], 'waygo wiring-test --help');
    const board = boardOption(parsed);
    const link = linkOption(parsed, false)!;
    const output = numberOption(parsed.values.output, 'output', board.pins.outputs.length - 1);
    const pulseMs = numberOption(parsed.values['pulse-ms'], 'pulse-ms', 10_000) ?? 500;
    const gapMs = numberOption(parsed.values['gap-ms'], 'gap-ms', 10_000) ?? 1000;
    const count = output === undefined ? board.pins.outputs.length : 1;
    let printed = '';
    let shown = 0;
    const show = () => {
      const { events } = parseWiringOutput(printed);
      for (; shown < events.length; shown++) {
        const e = events[shown]!;
        io.stdout.write(e.kind === 'output' ? `  output ${e.index} (${e.pin}) pulsed to ${e.level} for ${pulseMs} ms\n` : `  input ${e.index} (${e.pin}) reads ${e.level}\n`);
      }
    };
    io.stdout.write(`wiring test on ${board.id} through ${link.port}\n`);
    try {
      await sendToBox({
        ...link, text: wiringTestCode(board, { output, pulseMs, gapMs }), holdMs: count * (pulseMs + gapMs) + 1500,
        onOutput: (text) => {
          printed += text;
          show();
        },
        confirm: (all) => (parseWiringOutput(all).done ? undefined : 'the end of the wiring test (is it in install mode?)'),
      });
    } catch (err) {
      if (err instanceof FlashError) throw new CliError(err.code, err.message, 1);
      throw err;
    }
    return 0;
  },
};
