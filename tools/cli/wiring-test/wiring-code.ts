// The install-mode wiring test as REPL text. The firmware has no wiring-test hook of its own (its REPL is on
// only in install mode), so the test is plain Espruino calls with the board's pin map: each output pulsed to its
// active level in turn, each input's level printed, so an installer sees which machine input each pad drives.
// No Node API here: the installer page bundles this file for the browser.
import type { BoardData } from '../../../firmware/src/core/board.ts';

export interface WiringOptions {
  /** Only this output (0-based); default all four in turn. */
  output?: number;
  pulseMs?: number;
  gapMs?: number;
}

export const WIRING_DONE = 'WIRING DONE';
// The REPL prompt (>) can precede a printed line.
const LINE = /WIRING (OUT|IN) (\d+) (\w+) (\d)\s*$/;

export interface WiringEvent {
  kind: 'output' | 'input';
  index: number;
  pin: string;
  level: number;
}

/** The REPL text; it prints `WIRING OUT i pin level` per pulse, `WIRING IN i pin level` per input, then WIRING DONE. */
export function wiringTestCode(board: BoardData, options: WiringOptions = {}): string {
  const outputs = board.pins.outputs.map((pin, i) => [pin, i] as const).filter(([, i]) => options.output === undefined || i === options.output);
  const pins = `[${outputs.map(([pin]) => pin).join(',')}]`;
  const index = `[${outputs.map(([, i]) => i).join(',')}]`;
  const inputs = `[${board.pins.inputs.join(',')}]`;
  const names = JSON.stringify(outputs.map(([pin]) => pin));
  const inputNames = JSON.stringify(board.pins.inputs);
  const level = board.outputActiveLevel;
  const pulse = options.pulseMs ?? 500;
  const gap = options.gapMs ?? 1000;
  // ES5 for the interpreter: p pins, x output numbers, n pin names, q input pins, m input names, l active level.
  const body = [
    '(function(p,x,n,q,m,l,i){function s(){',
    'if(i>=p.length){',
    'q.forEach(function(r,k){print("WIRING IN "+k+" "+m[k]+" "+(digitalRead(r)?1:0));});',
    `print("${WIRING_DONE}");return;}`,
    'print("WIRING OUT "+x[i]+" "+n[i]+" "+l);',
    `digitalPulse(p[i],l,${pulse});i++;setTimeout(s,${pulse + gap});}`,
    `s();})(${pins},${index},${names},${inputs},${inputNames},${level},0)`,
  ].join('');
  return `\x10${body}\n`;
}

/** Reads the box's printed lines back into events (the CLI and the installer page both show them). */
export function parseWiringOutput(printed: string): { events: WiringEvent[]; done: boolean } {
  const events: WiringEvent[] = [];
  const complete = printed.slice(0, printed.lastIndexOf('\n') + 1);
  for (const raw of complete.split('\n')) {
    const m = LINE.exec(raw.trim());
    if (m) events.push({ kind: m[1] === 'OUT' ? 'output' : 'input', index: Number(m[2]), pin: m[3]!, level: Number(m[4]) });
  }
  return { events, done: printed.includes(WIRING_DONE) };
}
