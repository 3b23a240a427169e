// Money back through the acquirer. The refund row is written before the call and settled after it, the call
// itself outside any transaction; the refund id is the acquirer's idempotency key, so repeating a pending refund
// never pays twice. Partial refunds are amounts: the payment becomes Refunded once they add up to its amount.
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { RefundResult } from '../../acquirers/types.ts';
import { appendAudit } from '../../audit/append.ts';
import { payments, refunds } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { currencyDigits } from './currency.ts';
import { canTransition } from './states.ts';
import { loadPayment, transitionPayment, type PaymentRow } from './transition.ts';
import type { PaymentDeps } from './types.ts';

export interface RefundOutcome {
  refundId: string;
  result: RefundResult['outcome'];
  payment: PaymentRow;
}

export async function refundPayment(deps: PaymentDeps, paymentId: string, amountMinor: number, reason: string, actor: string): Promise<RefundOutcome> {
  const { db, acquirer, now } = deps;
  const refundId = `re_${randomBytes(12).toString('hex')}`;
  const payment = db.transaction((tx) => {
    const p = loadPayment(tx, paymentId);
    if (p.chargeStatus !== 'approved' || p.acquirerRef === null) throw new CloudError('payment_not_charged', 'nothing was charged for this payment');
    const open = tx.select({ amount: refunds.amountMinor }).from(refunds)
      .where(and(eq(refunds.paymentId, paymentId), inArray(refunds.state, ['pending', 'refunded']))).all();
    const committed = open.reduce((sum, r) => sum + r.amount, 0);
    if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0 || amountMinor > p.amountMinor - committed) {
      throw new CloudError('refund_exceeds_payment', 'the refund is more than what remains of the payment');
    }
    const at = now();
    tx.insert(refunds).values({ id: refundId, paymentId, amountMinor, state: 'pending', reason, createdAt: at, updatedAt: at }).run();
    appendAudit(tx, { at, actor, action: 'refund.requested', subjectType: 'payment', subjectId: paymentId, data: { refundId, amountMinor, reason } });
    return p;
  });
  let result: RefundResult;
  try {
    result = await acquirer.refund({ paymentId, refundId, acquirerRef: payment.acquirerRef!, amountMinor, currency: currencyDigits(payment.currency) });
  } catch {
    result = { outcome: 'pending', reason: 'acquirer_error' };
  }
  return { refundId, result: result.outcome, payment: settleRefund(deps, paymentId, refundId, amountMinor, result) };
}

export function settleRefund(deps: PaymentDeps, paymentId: string, refundId: string, amountMinor: number, result: RefundResult): PaymentRow {
  return deps.db.transaction((tx) => {
    const at = deps.now();
    const audit = (action: string, data: Record<string, string | number>) =>
      appendAudit(tx, { at, actor: 'system', action, subjectType: 'payment', subjectId: paymentId, data: { refundId, amountMinor, ...data } });
    if (result.outcome === 'pending') {
      tx.update(refunds).set({ acquirerRef: result.acquirerRef ?? null, updatedAt: at }).where(eq(refunds.id, refundId)).run();
      audit('refund.pending', { why: result.reason });
      return loadPayment(tx, paymentId);
    }
    if (result.outcome === 'failed') {
      tx.update(refunds).set({ state: 'failed', failureCode: result.code, updatedAt: at }).where(eq(refunds.id, refundId)).run();
      audit('refund.failed', { code: result.code });
      return loadPayment(tx, paymentId);
    }
    tx.update(refunds).set({ state: 'refunded', acquirerRef: result.acquirerRef, updatedAt: at }).where(eq(refunds.id, refundId)).run();
    const p = loadPayment(tx, paymentId);
    const refundedMinor = p.refundedMinor + amountMinor;
    if (refundedMinor >= p.amountMinor && canTransition(p.state, 'refunded')) {
      return transitionPayment(tx, { paymentId, to: 'refunded', reason: 'refunded', actor: 'system', at, set: { refundedMinor }, data: { refundId } });
    }
    tx.update(payments).set({ refundedMinor, updatedAt: at }).where(eq(payments.id, paymentId)).run();
    audit('refund.completed', { refundedMinor });
    return loadPayment(tx, paymentId);
  });
}

/** After a charged payment ends without the service (failed, expired, canceled): give all of it back. */
export async function refundRemainder(deps: PaymentDeps, payment: PaymentRow, reason: string): Promise<PaymentRow> {
  if (payment.chargeStatus !== 'approved') return payment;
  const remainder = payment.amountMinor - payment.refundedMinor;
  if (remainder <= 0) return payment;
  return (await refundPayment(deps, payment.id, remainder, reason, 'system')).payment;
}
