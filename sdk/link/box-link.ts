// Messages over one Connection: shared/protocol framing in both directions, and replies awaited on the
// transport's clock. Several requests written back to back before any reply is awaited cost one round trip.
import type { Clock } from '../clock.ts';
import { WalletError } from '../errors.ts';
import type { Connection } from '../transports/types.ts';
import { ERR, MSG, Reassembler, decodeMessage, splitMessage } from '../../shared/protocol/index.ts';
import type { Fields } from '../../shared/protocol/index.ts';

export interface Reply {
  type: number;
  fields: Fields;
  /** The reply as received (a RECEIPT is relayed to the cloud byte for byte). */
  bytes: Uint8Array;
}

export interface LinkStats {
  /** Write bursts followed by a wait for replies: what the connection interval is paid for. */
  roundTrips: number;
}

export class BoxLink {
  readonly stats: LinkStats = { roundTrips: 0 };
  private readonly replies: Reply[] = [];
  private readonly reassembler = new Reassembler();
  private wake: (() => void) | undefined;
  private dropped = false;
  private pendingBurst = false;

  constructor(private readonly connection: Connection, private readonly clock: Clock) {
    connection.onNotification((chunk) => this.take(chunk));
    connection.onDisconnect(() => {
      this.dropped = true;
      this.wake?.();
    });
  }

  get connected(): boolean {
    return !this.dropped && this.connection.connected;
  }

  /** Frames and writes `message`; a reply is awaited with `next()`. */
  async send(message: Uint8Array): Promise<void> {
    if (!this.connected) throw new WalletError('link_lost', 'the BLE link to the box is closed');
    this.pendingBurst = true;
    for (const chunk of splitMessage(message, this.connection.chunkSize)) await this.connection.write(chunk);
  }

  /** The next reply, within `timeoutMs` on the transport's clock. */
  async next(timeoutMs: number): Promise<Reply> {
    if (this.pendingBurst) {
      this.stats.roundTrips++;
      this.pendingBurst = false;
    }
    const start = this.clock.now();
    for (;;) {
      const reply = this.replies.shift();
      if (reply !== undefined) return reply;
      if (!this.connected) throw new WalletError('link_lost', 'the BLE link to the box dropped while waiting for its reply');
      const left = timeoutMs - (this.clock.now() - start);
      if (left <= 0) throw new WalletError('timeout', `the box did not answer within ${timeoutMs} ms`);
      await this.idle(Math.min(left, this.clock.stepMs ?? left));
    }
  }

  async request(message: Uint8Array, timeoutMs: number): Promise<Reply> {
    await this.send(message);
    return this.next(timeoutMs);
  }

  async close(): Promise<void> {
    this.dropped = true;
    await this.connection.close();
  }

  private take(chunk: Uint8Array): void {
    const pushed = this.reassembler.push(chunk, this.clock.now());
    if (pushed.state !== 'message') return;
    const decoded = decodeMessage(pushed.message);
    // An undecodable reply still ends the wait: the caller learns the box said something it cannot read.
    this.replies.push(decoded.ok
      ? { type: decoded.type, fields: decoded.fields, bytes: pushed.message }
      : { type: MSG.ERROR, fields: { code: ERR.UNEXPECTED, detail: decoded.code }, bytes: pushed.message });
    this.wake?.();
  }

  private async idle(ms: number): Promise<void> {
    const stop = new AbortController();
    this.wake = () => stop.abort();
    try {
      await this.clock.sleep(ms, stop.signal);
    } finally {
      this.wake = undefined;
    }
  }
}
