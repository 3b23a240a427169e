import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { webhookDeliveries, webhookDeliveryAttempts } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import type { DeliveryAttempt, DeliveryUpdate, WebhookDelivery, WebhookDeliveryStore } from '../../webhooks/store.ts';

type Row = typeof webhookDeliveries.$inferSelect;

const delivery = (r: Row): WebhookDelivery => ({ ...r });

/**
 * The delivery log in webhook_deliveries / webhook_delivery_attempts. Each method is one synchronous
 * transaction, so a claim and its lease, or an attempt and its delivery's update, are written together.
 */
export class DbDeliveryStore implements WebhookDeliveryStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async insert(d: WebhookDelivery): Promise<WebhookDelivery> {
    this.#db.insert(webhookDeliveries).values(d).onConflictDoNothing().run();
    const stored = await this.get(d.id);
    if (!stored) throw new CloudError('delivery_not_found', `no delivery ${d.id}`);
    return stored;
  }

  async claimDue(now: number, leaseUntil: number, limit: number): Promise<WebhookDelivery[]> {
    return this.#db.transaction((tx) => {
      const due = tx.select({ id: webhookDeliveries.id }).from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.state, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
        .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.createdAt)).limit(limit).all().map((r) => r.id);
      if (due.length === 0) return [];
      return tx.update(webhookDeliveries).set({ nextAttemptAt: leaseUntil })
        .where(and(inArray(webhookDeliveries.id, due), eq(webhookDeliveries.state, 'pending'))).returning().all().map(delivery);
    });
  }

  async recordAttempt(attempt: DeliveryAttempt, update: DeliveryUpdate): Promise<void> {
    this.#db.transaction((tx) => {
      const moved = tx.update(webhookDeliveries).set(update).where(eq(webhookDeliveries.id, attempt.deliveryId)).run();
      if (moved.changes !== 1) throw new CloudError('delivery_not_found', `no delivery ${attempt.deliveryId}`);
      tx.insert(webhookDeliveryAttempts).values(attempt).run();
    });
  }

  async get(id: string): Promise<WebhookDelivery | undefined> {
    const row = this.#db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get();
    return row && delivery(row);
  }

  async attempts(deliveryId: string): Promise<DeliveryAttempt[]> {
    return this.#db.select().from(webhookDeliveryAttempts).where(eq(webhookDeliveryAttempts.deliveryId, deliveryId))
      .orderBy(asc(webhookDeliveryAttempts.attempt)).all()
      .map(({ deliveryId: id, attempt, startedAt, durationMs, statusCode, error }) => ({ deliveryId: id, attempt, startedAt, durationMs, statusCode, error }));
  }
}
