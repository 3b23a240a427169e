// POST /v1/wallet/payments behind the idempotency layer: create (one transaction), charge (outside any
// transaction, idempotent per payment id at the acquirer), then record the acquirer's answer (one transaction).
import { eq } from 'drizzle-orm';
import type { ChargeResult } from '../../acquirers/types.ts';
import { appendAudit } from '../../audit/append.ts';
import { payments } from '../../db/schema/index.ts';
import { createPayment, type PaymentRequest } from './create.ts';
import { currencyDigits } from './currency.ts';
import { refundRemainder } from './refunds.ts';
import { loadPayment, transitionPayment, type PaymentRow } from './transition.ts';
import type { PaymentDeps, WalletRef } from './types.ts';

export type PayOutcome =
  | { kind: 'accepted'; payment: PaymentRow; telegram: Uint8Array; telegramExpiresAt: number }
  | { kind: 'declined'; payment: PaymentRow; by: 'controls' | 'acquirer'; code: string; message: string }
  | { kind: 'pending'; payment: PaymentRow }
  /** Approved only after the payment had expired or was canceled: the charge is being refunded. */
  | { kind: 'closed'; payment: PaymentRow };

export async function pay(deps: PaymentDeps, wallet: WalletRef, request: PaymentRequest): Promise<PayOutcome> {
  const { db, kek, acquirer, now } = deps;
  const created = createPayment(db, kek, wallet, request, acquirer.name, now());
  const { payment, sealed } = created;
  if (!sealed) {
    return { kind: 'declined', payment, by: 'controls', code: payment.declineCode ?? 'refused', message: 'the payment is outside this box\'s or wallet\'s limits' };
  }
  let result: ChargeResult;
  try {
    result = await acquirer.charge({
      paymentId: payment.id, amountMinor: payment.amountMinor, currency: currencyDigits(payment.currency),
      merchantId: created.merchantId, walletAppId: wallet.id, description: payment.sku ?? 'amount',
    });
  } catch {
    result = { outcome: 'pending', reason: 'acquirer_error' };
  }
  const recorded = recordCharge(deps, payment.id, result);
  if (result.outcome === 'approved') {
    if (recorded.state === 'accept') return { kind: 'accepted', payment: recorded, telegram: sealed.telegram, telegramExpiresAt: sealed.expiresAt };
    return { kind: 'closed', payment: await refundRemainder(deps, recorded, `charged_after_${recorded.state}`) };
  }
  if (result.outcome === 'declined') return { kind: 'declined', payment: recorded, by: 'acquirer', code: result.code, message: result.message };
  return { kind: 'pending', payment: recorded };
}

/** The acquirer's answer for a payment, applied whatever happened to it meanwhile (a sweep, a cancel). */
export function recordCharge(deps: PaymentDeps, paymentId: string, result: ChargeResult): PaymentRow {
  return deps.db.transaction((tx) => {
    const at = deps.now();
    const p = loadPayment(tx, paymentId);
    if (result.outcome === 'approved') {
      const set = { chargeStatus: 'approved' as const, acquirerRef: result.acquirerRef };
      if (p.state === 'request') return transitionPayment(tx, { paymentId, to: 'accept', reason: 'approved', actor: 'system', at, set });
      tx.update(payments).set({ ...set, updatedAt: at }).where(eq(payments.id, paymentId)).run();
      appendAudit(tx, { at, actor: 'system', action: 'payment.charge_late', subjectType: 'payment', subjectId: paymentId, data: { state: p.state } });
      return loadPayment(tx, paymentId);
    }
    if (result.outcome === 'declined') {
      const set = { chargeStatus: 'declined' as const, declineCode: result.code };
      if (p.state === 'request') return transitionPayment(tx, { paymentId, to: 'declined', reason: result.code, actor: 'system', at, set, data: { by: 'acquirer' } });
      tx.update(payments).set({ ...set, updatedAt: at }).where(eq(payments.id, paymentId)).run();
      return loadPayment(tx, paymentId);
    }
    tx.update(payments).set({ acquirerRef: result.acquirerRef ?? p.acquirerRef, updatedAt: at }).where(eq(payments.id, paymentId)).run();
    appendAudit(tx, { at, actor: 'system', action: 'payment.charge_pending', subjectType: 'payment', subjectId: paymentId, data: { why: result.reason } });
    return loadPayment(tx, paymentId);
  });
}
