import { Reassembler, decodeMessage, splitMessage } from '../../shared/protocol/index.ts';
import type { Fields } from '../../shared/protocol/index.ts';
import type { Link } from './ble.ts';
import { SimulatorError } from './errors.ts';

export interface Reply {
  type: number;
  fields: Fields;
}

export interface WalletLink {
  link: Link;
  /**
   * Frames `message` into chunks of MTU − 3 bytes (shared/protocol framing), writes them, then lets virtual time
   * run in `stepMs` steps until the box's reply reassembles (at most `waitMs`). Throws `no_reply` otherwise,
   * naming the framing error when notifications were lost.
   */
  request(message: Uint8Array, options?: { waitMs?: number; stepMs?: number }): Reply;
}

/** The wallet's side of a connection, on the simulator's clock. */
export function createWalletLink(box: { advance(ms: number): void; now(): number }, link: Link): WalletLink {
  const chunkSize = Math.min(244, link.mtu - 3);
  return {
    link,
    request(message, options) {
      const waitMs = options?.waitMs ?? 3000;
      const stepMs = options?.stepMs ?? 50;
      let read = link.notifications.length;
      const wallet = new Reassembler();
      let frameError: number | undefined;
      for (const chunk of splitMessage(message, chunkSize)) link.write(chunk);
      for (let waited = 0; ; waited += stepMs) {
        while (read < link.notifications.length) {
          const pushed = wallet.push(link.notifications[read++]!, box.now());
          if (pushed.state === 'error') frameError = pushed.code;
          if (pushed.state === 'message') {
            const decoded = decodeMessage(pushed.message);
            if (!decoded.ok) throw new SimulatorError('no_reply', `the box sent an undecodable message (code ${decoded.code})`);
            return { type: decoded.type, fields: decoded.fields };
          }
        }
        if (waited >= waitMs || !link.connected) break;
        box.advance(stepMs);
      }
      const why = frameError !== undefined ? `; framing error ${frameError}` : link.connected ? '' : '; the link closed';
      throw new SimulatorError('no_reply', `no reply within ${waitMs} ms${why}`);
    },
  };
}
