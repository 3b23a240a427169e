// Runs an upload text the way the box's REPL would, against any object with Storage's API (the simulator's
// emulator in tests and in the demo), so what a dry run wrote can be checked without a radio.
import { createContext, runInContext } from 'node:vm';
import { crc32 } from 'node:zlib';
import { FlashError } from './errors.ts';

export interface ReplayResult {
  /** What the text asked for after writing: load() or E.reboot(). */
  finished: 'load' | 'reboot' | 'none';
  /** What it printed, as the REPL would (its file checks). */
  printed: string;
}

export function replayUpload(text: string, storage: object): ReplayResult {
  let finished: ReplayResult['finished'] = 'none';
  let printed = '';
  const context = createContext({
    print: (text: string) => void (printed += `${text}\r\n`),
    require: (name: string) => {
      if (name !== 'Storage') throw new FlashError('replay_failed', `the upload required module ${name}`);
      return storage;
    },
    atob: (b64: string) => Buffer.from(b64, 'base64').toString('latin1'),
    load: () => void (finished = 'load'),
    setTimeout: (fn: () => void) => fn(),
    E: { reboot: () => void (finished = 'reboot'), CRC32: (text: string | undefined) => crc32(Buffer.from(text ?? '', 'latin1')) },
  });
  for (const raw of text.split('\n')) {
    const line = raw.split('\x10').join('');
    if (line === '') continue;
    if (finished !== 'none') throw new FlashError('replay_failed', 'the upload goes on after load() or E.reboot()');
    runInContext(line, context);
  }
  return { finished, printed };
}
