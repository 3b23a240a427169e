// A Connection whose box side is a function of the messages written: enough to test the link and transports
// without a simulator.
import { MSG, Reassembler, decodeMessage, splitMessage } from '../../shared/protocol/index.ts';
import type { Clock, Connection } from '../../sdk/index.ts';

export function manualClock(): Clock & { t: number } {
  const clock = {
    t: 0,
    stepMs: 10,
    now: () => clock.t,
    sleep(ms: number) {
      clock.t += ms;
      return Promise.resolve();
    },
  };
  return clock;
}

/** Answers each complete message with what `answer` returns (nothing for undefined), in `chunkSize` chunks. */
export function scriptedConnection(answer: (type: number, message: Uint8Array) => Uint8Array[] | undefined, chunkSize = 20) {
  const listeners: ((chunk: Uint8Array) => void)[] = [];
  const closed: (() => void)[] = [];
  const reassembler = new Reassembler();
  const written: number[] = [];
  let connected = true;
  const connection: Connection = {
    chunkSize,
    get connected() {
      return connected;
    },
    write(chunk) {
      const pushed = reassembler.push(chunk, 0);
      if (pushed.state === 'message') {
        const decoded = decodeMessage(pushed.message);
        const type = decoded.ok ? decoded.type : MSG.ERROR;
        written.push(type);
        for (const reply of answer(type, pushed.message) ?? []) for (const c of splitMessage(reply, chunkSize)) for (const l of listeners) l(c);
      }
      return Promise.resolve();
    },
    onNotification: (l) => void listeners.push(l),
    onDisconnect: (l) => void closed.push(l),
    close() {
      connected = false;
      return Promise.resolve();
    },
  };
  return {
    connection, written,
    drop() {
      connected = false;
      for (const l of closed) l();
    },
  };
}
