import type { Kek } from '../../crypto/kek.ts';
import type { Db } from '../../db/open.ts';
import type { Logger } from '../../types.ts';
import { createDeliveryEngine, type DeliveryEngine, type DeliveryEngineOptions } from '../../webhooks/engine.ts';
import { DbDeliveryStore } from './db-store.ts';
import { loadWebhookEndpoint } from './endpoints.ts';

export type WebhookEngineOptions = Omit<DeliveryEngineOptions, 'store' | 'endpoint'>;

/** The delivery engine over the database: deliveries in webhook_deliveries, endpoints opened with the KEK. */
export function databaseDeliveryEngine(db: Db, kek: Kek, options: WebhookEngineOptions = {}): DeliveryEngine {
  return createDeliveryEngine({ ...options, store: new DbDeliveryStore(db), endpoint: async (id) => loadWebhookEndpoint(db, kek, id) });
}

export interface WebhookWorker {
  /** Stops the timer and waits for a run in progress, so the database can be closed after it. */
  stop(): Promise<void>;
}

/** Sends due deliveries every `intervalMs` without keeping the process alive; one run at a time. */
export function startWebhookWorker(engine: DeliveryEngine, intervalMs: number, logger: Logger): WebhookWorker {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = engine.runDue().then(
      () => undefined,
      (err: unknown) => logger.error('webhook run failed', { error: err instanceof Error ? err.message : String(err) }),
    ).finally(() => {
      running = undefined;
    });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
