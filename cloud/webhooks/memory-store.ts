import { CloudError } from '../errors/cloud-error.ts';
import type { DeliveryAttempt, DeliveryUpdate, WebhookDelivery, WebhookDeliveryStore } from './store.ts';

/** A WebhookDeliveryStore in process memory, for tests and single-process development; lost on restart. */
export class MemoryDeliveryStore implements WebhookDeliveryStore {
  readonly #deliveries = new Map<string, WebhookDelivery>();
  readonly #attempts = new Map<string, DeliveryAttempt[]>();

  async insert(delivery: WebhookDelivery): Promise<WebhookDelivery> {
    const existing = this.#deliveries.get(delivery.id);
    if (existing) return { ...existing };
    this.#deliveries.set(delivery.id, { ...delivery });
    return { ...delivery };
  }

  async claimDue(now: number, leaseUntil: number, limit: number): Promise<WebhookDelivery[]> {
    const due = [...this.#deliveries.values()]
      .filter((d) => d.state === 'pending' && d.nextAttemptAt <= now)
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt)
      .slice(0, limit);
    for (const delivery of due) delivery.nextAttemptAt = leaseUntil;
    return due.map((d) => ({ ...d }));
  }

  async recordAttempt(attempt: DeliveryAttempt, update: DeliveryUpdate): Promise<void> {
    const delivery = this.#deliveries.get(attempt.deliveryId);
    if (!delivery) throw new CloudError('delivery_not_found', `no delivery ${attempt.deliveryId}`);
    Object.assign(delivery, update);
    const log = this.#attempts.get(attempt.deliveryId) ?? [];
    log.push({ ...attempt });
    this.#attempts.set(attempt.deliveryId, log);
  }

  async get(id: string): Promise<WebhookDelivery | undefined> {
    const delivery = this.#deliveries.get(id);
    return delivery && { ...delivery };
  }

  async attempts(deliveryId: string): Promise<DeliveryAttempt[]> {
    return (this.#attempts.get(deliveryId) ?? []).map((a) => ({ ...a }));
  }
}
