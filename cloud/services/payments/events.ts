import { createHash } from 'node:crypto';
import type { Executor } from '../../db/open.ts';
import { queueEvent } from '../webhooks/outbox.ts';
import type { PaymentState } from './states.ts';
import type { PaymentRow } from './transition.ts';
import { paymentView } from './view.ts';

/** The states a merchant hears about, and the event each one sends. */
const EVENTS: Partial<Record<PaymentState, string>> = {
  finish: 'payment.finished', failed: 'payment.failed', refunded: 'payment.refunded',
  declined: 'payment.declined', expired: 'payment.expired', canceled: 'payment.canceled',
};

const eventId = (seed: string) => `evt_${createHash('sha256').update(seed).digest('hex').slice(0, 24)}`;

/**
 * Queues the webhook event for a payment that just entered its state, in the transition's transaction. A
 * payment enters each state at most once, so the event id is derived from payment and state: stable across
 * retries of the same transition.
 */
export function queuePaymentEvent(tx: Executor, payment: PaymentRow, from: PaymentState, at: number): void {
  const type = EVENTS[payment.state];
  if (type === undefined) return;
  queueEvent(tx, payment.merchantId, {
    id: eventId(`${payment.id}\n${payment.state}`), type, createdAt: at,
    data: { payment: { ...paymentView(payment), storeId: payment.storeId, previousState: from } },
  }, at);
}

export interface SettledRefund {
  id: string;
  amountMinor: number;
  state: 'refunded' | 'failed';
}

/**
 * `refund.succeeded` or `refund.failed` for each settled refund, partial ones included: a partial refund moves no
 * state, so without it a merchant would not hear of it. A refund settles once, so its id names the event.
 */
export function queueRefundEvent(tx: Executor, payment: PaymentRow, refund: SettledRefund, at: number): void {
  const type = refund.state === 'refunded' ? 'refund.succeeded' : 'refund.failed';
  queueEvent(tx, payment.merchantId, {
    id: eventId(`${refund.id}\n${type}`), type, createdAt: at,
    data: {
      refund: { id: refund.id, paymentId: payment.id, amountMinor: refund.amountMinor, currency: payment.currency, state: refund.state },
      payment: { ...paymentView(payment), storeId: payment.storeId },
    },
  }, at);
}
