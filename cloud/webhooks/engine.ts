import { createHash } from 'node:crypto';
import type { Logger } from '../types.ts';
import { backoffDelay, type BackoffOptions } from './backoff.ts';
import { sendWebhook } from './send.ts';
import type { SigningSecret } from './signature.ts';
import type { WebhookDelivery, WebhookDeliveryStore } from './store.ts';

export interface WebhookEndpoint {
  id: string;
  url: string;
  secret: SigningSecret;
  /** A disabled endpoint's pending deliveries are given up at their next attempt. */
  enabled?: boolean;
}

export interface WebhookEvent {
  id: string;
  /** e.g. `payment.finished`, `refund.succeeded`. */
  type: string;
  /** Epoch ms. */
  createdAt: number;
  data: unknown;
}

export interface DeliveryEngineOptions {
  store: WebhookDeliveryStore;
  /** Looks an endpoint up at send time, so a changed URL or rotated secret applies to retries too. */
  endpoint: (id: string) => Promise<WebhookEndpoint | undefined>;
  maxAttempts?: number;
  timeoutMs?: number;
  backoff?: BackoffOptions;
  batchSize?: number;
  now?: () => number;
  random?: () => number;
  fetch?: typeof fetch;
  logger?: Logger;
}

export interface RunSummary {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
}

export interface DeliveryEngine {
  /** Queues one event for one endpoint, due now; the same event and endpoint again is the same delivery. */
  enqueue(event: WebhookEvent, endpointId: string): Promise<WebhookDelivery>;
  /** Attempts every delivery that is due, once each, and schedules retries. */
  runDue(): Promise<RunSummary>;
  /** Calls runDue every `intervalMs` until the returned function is called. */
  start(intervalMs: number): () => void;
}

/** Retries spread over about eight hours: 1, 2, 4 … minutes, capped at 6 h, ten attempts in all. */
export const DEFAULT_WEBHOOK_BACKOFF: BackoffOptions = { baseMs: 60_000, maxMs: 6 * 3_600_000 };

export function deliveryId(eventId: string, endpointId: string): string {
  return `whd_${createHash('sha256').update(`${eventId}\n${endpointId}`).digest('hex').slice(0, 24)}`;
}

/**
 * The pending delivery row for one event and endpoint, due at `at`. Pure, so a database outbox can write it
 * synchronously inside the transaction of the change it reports.
 */
export function newDelivery(event: WebhookEvent, endpointId: string, at: number): WebhookDelivery {
  const payload = JSON.stringify({ id: event.id, type: event.type, created: Math.floor(event.createdAt / 1000), data: event.data });
  return {
    id: deliveryId(event.id, endpointId), eventId: event.id, endpointId, eventType: event.type, payload,
    state: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, createdAt: at, updatedAt: at,
  };
}

export function createDeliveryEngine(options: DeliveryEngineOptions): DeliveryEngine {
  const maxAttempts = options.maxAttempts ?? 10;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const backoff = options.backoff ?? DEFAULT_WEBHOOK_BACKOFF;
  const batchSize = options.batchSize ?? 50;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const doFetch = options.fetch ?? fetch;
  const { store } = options;

  async function attempt(delivery: WebhookDelivery): Promise<'delivered' | 'retrying' | 'failed'> {
    const startedAt = now();
    const endpoint = await options.endpoint(delivery.endpointId);
    const result = endpoint && endpoint.enabled !== false
      ? await sendWebhook({
        url: endpoint.url,
        secret: endpoint.secret,
        eventId: delivery.eventId,
        body: delivery.payload,
        timestampS: Math.floor(now() / 1000),
        timeoutMs,
        fetch: doFetch,
      })
      : { ok: false, statusCode: null, error: 'endpoint_disabled' };
    const attempts = delivery.attempts + 1;
    const finishedAt = now();
    const giveUp = !result.ok && (attempts >= maxAttempts || result.error === 'endpoint_disabled');
    const state = result.ok ? 'delivered' : giveUp ? 'failed' : 'pending';
    await store.recordAttempt(
      { deliveryId: delivery.id, attempt: attempts, startedAt, durationMs: finishedAt - startedAt, statusCode: result.statusCode, error: result.error },
      {
        state,
        attempts,
        nextAttemptAt: state === 'pending' ? finishedAt + backoffDelay(attempts, backoff, random) : finishedAt,
        lastError: result.error,
        updatedAt: finishedAt,
      },
    );
    if (state === 'failed') {
      options.logger?.error('webhook delivery given up', { deliveryId: delivery.id, eventId: delivery.eventId, attempts, error: result.error });
    }
    return state === 'pending' ? 'retrying' : state;
  }

  async function runDue(): Promise<RunSummary> {
    const at = now();
    // The lease outlasts one attempt, so a delivery in flight is not claimed twice.
    const due = await store.claimDue(at, at + 2 * timeoutMs, batchSize);
    const outcomes = await Promise.all(due.map(attempt));
    return {
      attempted: outcomes.length,
      delivered: outcomes.filter((o) => o === 'delivered').length,
      retrying: outcomes.filter((o) => o === 'retrying').length,
      failed: outcomes.filter((o) => o === 'failed').length,
    };
  }

  return {
    enqueue: (event, endpointId) => store.insert(newDelivery(event, endpointId, now())),
    runDue,
    start(intervalMs) {
      let timer: NodeJS.Timeout | undefined;
      let stopped = false;
      const tick = async () => {
        try {
          await runDue();
        } catch (err) {
          options.logger?.error('webhook run failed', { error: err instanceof Error ? err.message : String(err) });
        }
        if (!stopped) timer = setTimeout(tick, intervalMs);
      };
      timer = setTimeout(tick, 0);
      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    },
  };
}
