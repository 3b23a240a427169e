// The installer page: connect to a box in install mode over Web Bluetooth, show what it is, run the wiring test.
import type { BoardData } from '../../../firmware/src/core/board.ts';
import type { BoxConnection } from './connection.ts';
import { connectOverWebBluetooth } from './espruino-connection.ts';
import { pageDocument, type PageElement } from './dom.ts';
import { describeInfo, readBoxInfo, runWiringTest } from './installer.ts';

const document = pageDocument();

function element(id: string): PageElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found;
}

function listItem(text: string): PageElement {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

const status = element('status');
const info = element('info');
const outputs = element('outputs');
const log = element('log');
let connection: BoxConnection | undefined;

function say(text: string): void {
  status.textContent = text;
}

function logLine(text: string): void {
  log.textContent = `${log.textContent ?? ''}${text}\n`;
}

async function wiring(board: BoardData, output: number | undefined): Promise<void> {
  if (connection === undefined) return;
  say(output === undefined ? 'Pulsing every output in turn…' : `Pulsing output ${output}…`);
  const run = await runWiringTest(connection, board, output);
  for (const e of run.events) logLine(e.kind === 'output' ? `output ${e.index} (${e.pin}) pulsed` : `input ${e.index} (${e.pin}) reads ${e.level}`);
  say(run.done ? 'Wiring test finished: check that each pulse reached the machine input it is wired to.' : 'The box did not finish the wiring test.');
}

function showOutputs(board: BoardData): void {
  outputs.replaceChildren();
  board.pins.outputs.forEach((pin, i) => {
    const button = document.createElement('button');
    button.textContent = `Pulse output ${i} (${pin})`;
    button.onclick = () => void wiring(board, i);
    outputs.append(button);
  });
  const all = document.createElement('button');
  all.textContent = 'Pulse all outputs';
  all.onclick = () => void wiring(board, undefined);
  outputs.append(all);
}

element('connect').onclick = () => void connect();

async function connect(): Promise<void> {
  try {
    say('Choose the box (hold its button while powering it up to enter install mode)…');
    connection = await connectOverWebBluetooth();
    const box = await readBoxInfo(connection);
    info.replaceChildren(...describeInfo(box).map(listItem));
    if (box.board === undefined) return say('Connected, but this is not a WayGo board.');
    showOutputs(box.board);
    say('Connected. Pulse the outputs one at a time and watch the machine.');
  } catch (err) {
    say(`Could not connect: ${err instanceof Error ? err.message : String(err)}`);
  }
}
