import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { boxes, stores } from '../../db/schema/index.ts';
import { queueEvent } from '../webhooks/outbox.ts';
import type { PaymentState } from './states.ts';
import type { PaymentRow } from './transition.ts';
import { paymentView } from './view.ts';

/** The states a merchant hears about, and the event each one sends. */
const EVENTS: Partial<Record<PaymentState, string>> = {
  finish: 'payment.finished', failed: 'payment.failed', refunded: 'payment.refunded',
  declined: 'payment.declined', expired: 'payment.expired', canceled: 'payment.canceled',
};

/**
 * Queues the webhook event for a payment that just entered its state, in the transition's transaction. A
 * payment enters each state at most once, so the event id is derived from payment and state: stable across
 * retries of the same transition.
 */
export function queuePaymentEvent(tx: Executor, payment: PaymentRow, from: PaymentState, at: number): void {
  const type = EVENTS[payment.state];
  if (type === undefined) return;
  const owner = tx.select({ merchantId: stores.merchantId, storeId: stores.id }).from(boxes)
    .innerJoin(stores, eq(stores.id, boxes.storeId)).where(eq(boxes.id, payment.boxId)).get();
  if (!owner) return;
  const id = `evt_${createHash('sha256').update(`${payment.id}\n${payment.state}`).digest('hex').slice(0, 24)}`;
  queueEvent(tx, owner.merchantId, {
    id, type, createdAt: at,
    data: { payment: { ...paymentView(payment), storeId: owner.storeId, previousState: from } },
  }, at);
}
