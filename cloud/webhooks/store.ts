/**
 * The delivery log the engine writes through. The engine owns the rules (what is due, backoff, giving up); a
 * store only persists. The in-memory store serves tests; a database table backs it in the server
 * (see README.md for the table).
 */
export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface WebhookDelivery {
  id: string;
  eventId: string;
  endpointId: string;
  eventType: string;
  /** The exact JSON body, fixed at enqueue so every attempt sends the same bytes (only the signature's t changes). */
  payload: string;
  state: DeliveryState;
  /** Attempts made so far. */
  attempts: number;
  /** Epoch ms when the next attempt is due (pending only). */
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface DeliveryAttempt {
  deliveryId: string;
  /** 1 for the first attempt. */
  attempt: number;
  startedAt: number;
  durationMs: number;
  /** The receiver's HTTP status, null when no response arrived. */
  statusCode: number | null;
  /** Why the attempt failed (`timeout`, `network_error: ECONNREFUSED`, `http_500`), null when delivered. */
  error: string | null;
}

export interface DeliveryUpdate {
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  updatedAt: number;
}

export interface WebhookDeliveryStore {
  /** Inserts the delivery unless one with its id exists; returns the stored row either way (enqueue is idempotent). */
  insert(delivery: WebhookDelivery): Promise<WebhookDelivery>;
  /**
   * Pending deliveries with nextAttemptAt <= now, oldest due first, at most `limit`; each claimed row's
   * nextAttemptAt moves to `leaseUntil` in the same write, so a second worker skips it and a crashed worker's
   * claim comes due again.
   */
  claimDue(now: number, leaseUntil: number, limit: number): Promise<WebhookDelivery[]>;
  /** Appends the attempt to the log and applies the update to its delivery, in one write. */
  recordAttempt(attempt: DeliveryAttempt, update: DeliveryUpdate): Promise<void>;
  get(id: string): Promise<WebhookDelivery | undefined>;
  /** The attempts of one delivery, in order. */
  attempts(deliveryId: string): Promise<DeliveryAttempt[]>;
}
