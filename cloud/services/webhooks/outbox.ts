import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema/index.ts';
import { newDelivery, type WebhookEvent } from '../../webhooks/engine.ts';

/**
 * Queues `event` for every enabled endpoint of the merchant, in the caller's transaction (the outbox): the
 * event commits with the change it reports or not at all. The same event again queues nothing new.
 */
export function queueEvent(tx: Executor, merchantId: string, event: WebhookEvent, at: number): number {
  const endpoints = tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.merchantId, merchantId), eq(webhookEndpoints.enabled, true))).all();
  for (const { id } of endpoints) tx.insert(webhookDeliveries).values(newDelivery(event, id, at)).onConflictDoNothing().run();
  return endpoints.length;
}
