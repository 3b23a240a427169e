// Framing vectors: splits at the chunk sizes phones use, and chunk sequences the reassembler must refuse.
import { fromHex, toHex } from '../../shared/bytes/index.ts';
import { splitMessage } from '../../shared/protocol/index.ts';
import { messageVectors } from './message-cases.ts';
import { telegramVectors } from './telegram-cases.ts';

export interface SplitVector { name: string; chunkSize: number; message: string; chunks: string[] }
export interface PushVector { name: string; pushes: { hex: string; ms: number; expect: string }[] }

function messages(): [string, Uint8Array][] {
  const byName = (name: string) => fromHex(messageVectors().find((m) => m.name === name)!.hex);
  return [
    ['ERROR', byName('ERROR')],
    ['HELLO', byName('HELLO')],
    ['payment telegram', fromHex(telegramVectors()[0]!.hex)],
    ['LOG_RECORDS', byName('LOG_RECORDS')],
  ];
}

export function splitVectors(): SplitVector[] {
  const out: SplitVector[] = [];
  for (const [name, message] of messages()) {
    for (const chunkSize of [8, 20, 23, 50]) {
      out.push({ name: name + ' in ' + chunkSize + '-byte chunks', chunkSize, message: toHex(message), chunks: splitMessage(message, chunkSize).map(toHex) });
    }
  }
  return out;
}

/** Expectations are 'partial', 'message:<hex>' or an ERR name. */
export function pushVectors(): PushVector[] {
  const message = messages()[2]![1];
  const c = splitMessage(message, 20).map(toHex);
  const done = 'message:' + toHex(message);
  const at = (hex: string, ms: number, expect: string) => ({ hex, ms, expect });
  const seq = (hexes: string[], expects: string[]) => hexes.map((h, i) => at(h, i * 10, expects[i]!));
  const badCrc = splitMessage(message, 20).map((chunk) => chunk.slice());
  const last = badCrc[badCrc.length - 1]!;
  last[last.length - 1]! ^= 1;
  const overrun = c[4]! + '00';
  const earlyLast = ((parseInt(c[2]!.slice(0, 2), 16) | 0x40).toString(16)) + c[2]!.slice(2);
  return [
    { name: 'in order', pushes: seq(c, ['partial', 'partial', 'partial', 'partial', done]) },
    { name: 'reordered chunks', pushes: seq([c[0]!, c[2]!], ['partial', 'FRAME_GAP']) },
    { name: 'duplicate chunk', pushes: seq([c[0]!, c[1]!, c[1]!], ['partial', 'partial', 'FRAME_DUPLICATE']) },
    { name: 'gap', pushes: seq([c[0]!, c[1]!, c[3]!], ['partial', 'partial', 'FRAME_GAP']) },
    { name: 'overrun past the declared length', pushes: seq([c[0]!, c[1]!, c[2]!, c[3]!, overrun], ['partial', 'partial', 'partial', 'partial', 'FRAME_OVERRUN']) },
    { name: 'bad CRC', pushes: seq(badCrc.map(toHex), ['partial', 'partial', 'partial', 'partial', 'FRAME_BAD_CRC']) },
    { name: 'LAST before the declared length', pushes: seq([c[0]!, c[1]!, earlyLast], ['partial', 'partial', 'FRAME_BAD_CHUNK']) },
    { name: 'stale partial', pushes: [at(c[0]!, 0, 'partial'), at(c[1]!, 2001, 'FRAME_STALE'), at(c[2]!, 2002, 'FRAME_NO_START')] },
    { name: 'continuation with nothing pending', pushes: [at(c[1]!, 0, 'FRAME_NO_START')] },
    { name: 'declared length over 512', pushes: [at('800201' + '00'.repeat(17), 0, 'FRAME_TOO_LONG')] },
    { name: 'FIRST with a non-zero sequence', pushes: [at('81' + c[0]!.slice(2), 0, 'FRAME_BAD_CHUNK')] },
    { name: 'clean restart after an error', pushes: seq([c[0]!, c[2]!].concat(c), ['partial', 'FRAME_GAP', 'partial', 'partial', 'partial', 'partial', done]) },
    { name: 'FIRST mid-message restarts', pushes: seq([c[0]!, c[1]!].concat(c), ['partial', 'partial', 'partial', 'partial', 'partial', 'partial', done]) },
  ];
}
