// What every wallet call needs: the BLE transport, the signed cloud client, the clock replies are awaited on,
// the app's logger and the limits.
import type { Clock } from '../clock.ts';
import type { CloudClient } from '../cloud/client.ts';
import type { Logger } from '../logger.ts';
import type { Transport } from '../transports/types.ts';

export interface Timeouts {
  /** How long a scan listens (default 3000 ms). */
  scanMs: number;
  /** Connecting and discovering the WayGo service (default 5000 ms). */
  connectMs: number;
  /** One box reply (default 3000 ms; a digital-interface machine may take longer to acknowledge). */
  replyMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { scanMs: 3000, connectMs: 5000, replyMs: 3000 };

export interface WalletContext {
  transport: Transport;
  cloud: CloudClient;
  keyId: string;
  clock: Clock;
  logger: Logger;
  timeouts: Timeouts;
}
