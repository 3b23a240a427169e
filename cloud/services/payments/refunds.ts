// Money back through the acquirer. The refund row is written before the call and settled after it, the call
// itself outside any transaction; the refund id is the acquirer's idempotency key, so repeating a pending refund
// never pays twice. Partial refunds are amounts: the payment becomes Refunded once they add up to its amount.
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { RefundResult } from '../../acquirers/types.ts';
import { appendAudit } from '../../audit/append.ts';
import { payments, refunds } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { acquirerOf } from './acquirer-choice.ts';
import { currencyDigits } from './currency.ts';
import { queueRefundEvent } from './events.ts';
import { canTransition } from './states.ts';
import { loadPayment, transitionPayment, type PaymentRow } from './transition.ts';
import type { PaymentDeps } from './types.ts';

export interface RefundOutcome {
  refundId: string;
  result: RefundResult['outcome'];
  payment: PaymentRow;
  /** The refund id already existed: nothing new was asked of the acquirer unless that refund was still pending. */
  replayed: boolean;
}

export interface RefundOptions {
  /** A caller-chosen id (derived from an idempotency key): asking again with it answers the same refund. */
  refundId?: string;
}

type RefundRow = typeof refunds.$inferSelect;

/** `'rest'` refunds whatever is not yet refunded or being refunded. */
export async function refundPayment(
  deps: PaymentDeps, paymentId: string, amountMinor: number | 'rest', reason: string, actor: string, options: RefundOptions = {},
): Promise<RefundOutcome> {
  const { db, now } = deps;
  const refundId = options.refundId ?? `re_${randomBytes(12).toString('hex')}`;
  const started = db.transaction((tx): { payment: PaymentRow; refund: Pick<RefundRow, 'amountMinor' | 'state'>; replayed: boolean } => {
    const existing = tx.select().from(refunds).where(eq(refunds.id, refundId)).get();
    if (existing) {
      if (existing.paymentId !== paymentId || (amountMinor !== 'rest' && amountMinor !== existing.amountMinor)) {
        throw new CloudError('idempotency_key_reused', 'this refund id was used for another payment or amount');
      }
      return { payment: loadPayment(tx, paymentId), refund: existing, replayed: true };
    }
    const p = loadPayment(tx, paymentId);
    if (p.chargeStatus !== 'approved' || p.acquirerRef === null) throw new CloudError('payment_not_charged', 'nothing was charged for this payment');
    const open = tx.select({ amount: refunds.amountMinor }).from(refunds)
      .where(and(eq(refunds.paymentId, paymentId), inArray(refunds.state, ['pending', 'refunded']))).all();
    const remaining = p.amountMinor - open.reduce((sum, r) => sum + r.amount, 0);
    const amount = amountMinor === 'rest' ? remaining : amountMinor;
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > remaining) {
      throw new CloudError('refund_exceeds_payment', 'the refund is more than what remains of the payment');
    }
    const at = now();
    tx.insert(refunds).values({ id: refundId, paymentId, amountMinor: amount, state: 'pending', reason, createdAt: at, updatedAt: at }).run();
    appendAudit(tx, {
      at, actor, action: 'refund.requested', subjectType: 'payment', subjectId: paymentId,
      data: { refundId, amountMinor: amount, reason, merchantId: p.merchantId, storeId: p.storeId },
    });
    return { payment: p, refund: { amountMinor: amount, state: 'pending' }, replayed: false };
  });
  const { payment, refund, replayed } = started;
  if (refund.state !== 'pending') return { refundId, result: refund.state, payment, replayed };
  let result: RefundResult;
  try {
    result = await acquirerOf(deps, payment).refund({ paymentId, refundId, acquirerRef: payment.acquirerRef!, amountMinor: refund.amountMinor, currency: currencyDigits(payment.currency) });
  } catch {
    result = { outcome: 'pending', reason: 'acquirer_error' };
  }
  return { refundId, result: result.outcome, payment: settleRefund(deps, paymentId, refundId, refund.amountMinor, result), replayed };
}

/**
 * Applies the acquirer's answer to a pending refund. A refund already settled is left alone, so an answer that
 * arrives twice (a retried request racing a callback) never counts the money twice.
 */
export function settleRefund(deps: PaymentDeps, paymentId: string, refundId: string, amountMinor: number, result: RefundResult): PaymentRow {
  return deps.db.transaction((tx) => {
    const at = deps.now();
    const p = loadPayment(tx, paymentId);
    // The payment's merchant in every row, so the merchant's own audit page lists its refunds.
    const audit = (action: string, data: Record<string, string | number>) => appendAudit(tx, {
      at, actor: 'system', action, subjectType: 'payment', subjectId: paymentId,
      data: { refundId, amountMinor, merchantId: p.merchantId, storeId: p.storeId, ...data },
    });
    const refund = tx.select({ state: refunds.state }).from(refunds).where(eq(refunds.id, refundId)).get();
    if (refund?.state !== 'pending') return p;
    if (result.outcome === 'pending') {
      tx.update(refunds).set({ acquirerRef: result.acquirerRef ?? null, updatedAt: at }).where(eq(refunds.id, refundId)).run();
      audit('refund.pending', { why: result.reason });
      return p;
    }
    if (result.outcome === 'failed') {
      tx.update(refunds).set({ state: 'failed', failureCode: result.code, updatedAt: at }).where(eq(refunds.id, refundId)).run();
      audit('refund.failed', { code: result.code });
      queueRefundEvent(tx, p, { id: refundId, amountMinor, state: 'failed' }, at);
      return p;
    }
    tx.update(refunds).set({ state: 'refunded', acquirerRef: result.acquirerRef, updatedAt: at }).where(eq(refunds.id, refundId)).run();
    const refundedMinor = p.refundedMinor + amountMinor;
    let after: PaymentRow;
    if (refundedMinor >= p.amountMinor && canTransition(p.state, 'refunded')) {
      after = transitionPayment(tx, { paymentId, to: 'refunded', reason: 'refunded', actor: 'system', at, set: { refundedMinor }, data: { refundId } });
    } else {
      tx.update(payments).set({ refundedMinor, updatedAt: at }).where(eq(payments.id, paymentId)).run();
      audit('refund.completed', { refundedMinor });
      after = loadPayment(tx, paymentId);
    }
    queueRefundEvent(tx, after, { id: refundId, amountMinor, state: 'refunded' }, at);
    return after;
  });
}

/** After a charged payment ends without the service (failed, expired, canceled): give all of it back. */
export async function refundRemainder(deps: PaymentDeps, payment: PaymentRow, reason: string): Promise<PaymentRow> {
  if (payment.chargeStatus !== 'approved') return payment;
  const remainder = payment.amountMinor - payment.refundedMinor;
  if (remainder <= 0) return payment;
  return (await refundPayment(deps, payment.id, remainder, reason, 'system')).payment;
}
