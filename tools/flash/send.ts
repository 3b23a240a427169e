import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FlashError } from './errors.ts';

export interface SendOptions {
  /** A BLE address (aa:bb:cc:dd:ee:ff), a serial device, or tcp://host:port (the Linux interpreter's --telnet). */
  port: string;
  ble: boolean;
  text: string;
  onProgress?(sent: number, total: number): void;
  /** What the box printed back (echo is off for upload lines; errors still show). */
  onOutput?(text: string): void;
  timeoutMs?: number;
  /** Keep the link open this long after the text is sent, for what the box prints (default 1000 ms). */
  holdMs?: number;
  /**
   * Reads what the box printed once the link ends: undefined when the box confirmed what was sent, else what is
   * missing. Without it, success is the whole text handed to the link.
   */
  confirm?(printed: string): string | undefined;
}

interface WorkerMessage { progress?: number; total?: number; output?: string; done?: boolean; closed?: boolean; written?: boolean; error?: string }

const CONFIRMED_GRACE_MS = 500;
const worker = fileURLToPath(new URL('./send-worker.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Sends an upload text to a box through the espruino package's connection code, in a child process. */
export function sendToBox(options: SendOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(worker, [], { cwd: root, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const limit = setTimeout(() => {
      child.kill();
      reject(new FlashError('send_failed', `the upload to ${options.port} did not finish in time`));
    }, options.timeoutMs ?? 300_000);
    let settled = false;
    let printed = '';
    const settle = (error?: FlashError) => {
      if (settled) return;
      settled = true;
      clearTimeout(limit);
      if (error === undefined) resolve();
      else reject(error);
    };
    const ended = (sent: boolean) => {
      const missing = options.confirm?.(printed);
      if (options.confirm !== undefined) settle(missing === undefined ? undefined : new FlashError('not_confirmed', `the box did not confirm ${missing}`));
      else settle(sent ? undefined : new FlashError('send_failed', `the link to ${options.port} closed before the text was sent`));
    };
    // Once the box confirmed, the link has done its job: a short grace lets the text's last line (load(), a
    // reboot) reach the box before the link closes.
    let closing = false;
    const confirmedEarly = () => {
      if (closing || options.confirm === undefined || options.confirm(printed) !== undefined) return;
      closing = true;
      setTimeout(() => child.connected && child.send({ close: true }), CONFIRMED_GRACE_MS);
    };
    child.on('message', (m: WorkerMessage) => {
      if (m.progress !== undefined && m.total !== undefined) options.onProgress?.(m.progress, m.total);
      if (m.output !== undefined) {
        printed += m.output;
        options.onOutput?.(m.output);
        confirmedEarly();
      }
      if (m.error !== undefined) settle(new FlashError('no_connection', m.error));
      if (m.done === true) ended(true);
      // A box that reboots at the end of an upload closes the link itself.
      if (m.closed === true) ended(m.written === true);
    });
    // Without a word from the worker, the tools gave up on the link without calling back (a refused connection).
    child.once('exit', () => settle(new FlashError('no_connection', `no box answered at ${options.port}`)));
    child.send({ port: options.port, text: options.text, ble: options.ble, holdMs: options.holdMs ?? 1000 });
  });
}
