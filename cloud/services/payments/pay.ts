// A payment's charge: create (one transaction), charge (outside any transaction, idempotent per payment id at the
// acquirer), then record the acquirer's answer (one transaction). keyed-pay.ts adds the idempotency key to both.
import { eq } from 'drizzle-orm';
import type { ChargeResult } from '../../acquirers/types.ts';
import { appendAudit } from '../../audit/append.ts';
import { commitWrite } from '../../db/group-commit.ts';
import type { Executor } from '../../db/open.ts';
import { payments } from '../../db/schema/index.ts';
import { acquirerOf, chargingAcquirer } from './acquirer-choice.ts';
import { createPayment, type CreatedPayment, type PaymentRequest } from './create.ts';
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

/** Whatever the caller writes with the outcome (the stored idempotent answer), in the transaction recording it. */
export type SettleHook = (tx: Executor, outcome: PayOutcome) => void;

export function declinedByControls(payment: PaymentRow): PayOutcome {
  return { kind: 'declined', payment, by: 'controls', code: payment.declineCode ?? 'refused', message: 'the payment is outside this box\'s or wallet\'s limits' };
}

export async function pay(deps: PaymentDeps, wallet: WalletRef, request: PaymentRequest): Promise<PayOutcome> {
  const created = createPayment(deps.db, deps.kek, wallet, request, (merchantId) => chargingAcquirer(deps, merchantId).name, deps.now());
  return created.sealed ? chargeCreated(deps, wallet, created) : declinedByControls(created.payment);
}

/**
 * Charges a payment created in Request (outside any transaction), then records the answer and runs `settle` in
 * one transaction. Approved after the payment closed, the charge is refunded first and `settle` runs after that.
 */
export async function chargeCreated(deps: PaymentDeps, wallet: WalletRef, created: CreatedPayment, settle?: SettleHook): Promise<PayOutcome> {
  const { db } = deps;
  const { payment, sealed } = created;
  const acquirer = acquirerOf(deps, payment);
  let result: ChargeResult;
  try {
    result = await acquirer.charge({
      paymentId: payment.id, amountMinor: payment.amountMinor, currency: currencyDigits(payment.currency),
      merchantId: created.merchantId, walletAppId: wallet.id, description: payment.sku ?? 'amount',
    });
  } catch {
    result = { outcome: 'pending', reason: 'acquirer_error' };
  }
  const recorded = await commitWrite(db, (tx) => {
    const row = recordChargeIn(tx, deps.now(), payment.id, result);
    const outcome = chargeOutcome(row, result, sealed);
    if (outcome) settle?.(tx, outcome);
    return { row, outcome };
  });
  if (recorded.outcome) return recorded.outcome;
  const closed: PayOutcome = { kind: 'closed', payment: await refundRemainder(deps, recorded.row, `charged_after_${recorded.row.state}`) };
  if (settle) await commitWrite(db, (tx) => settle(tx, closed));
  return closed;
}

/** The outcome of a recorded charge; undefined when it was approved after the payment closed (to be refunded). */
function chargeOutcome(recorded: PaymentRow, result: ChargeResult, sealed: CreatedPayment['sealed']): PayOutcome | undefined {
  if (result.outcome === 'approved') {
    return recorded.state === 'accept' && sealed ? { kind: 'accepted', payment: recorded, telegram: sealed.telegram, telegramExpiresAt: sealed.expiresAt } : undefined;
  }
  if (result.outcome === 'declined') return { kind: 'declined', payment: recorded, by: 'acquirer', code: result.code, message: result.message };
  return { kind: 'pending', payment: recorded };
}

/** The acquirer's answer for a payment, applied whatever happened to it meanwhile (a sweep, a cancel). */
export function recordCharge(deps: PaymentDeps, paymentId: string, result: ChargeResult): PaymentRow {
  return deps.db.transaction((tx) => recordChargeIn(tx, deps.now(), paymentId, result));
}

function recordChargeIn(tx: Executor, at: number, paymentId: string, result: ChargeResult): PaymentRow {
  const p = loadPayment(tx, paymentId);
  if (result.outcome === 'approved') {
    const set = { chargeStatus: 'approved' as const, acquirerRef: result.acquirerRef };
    if (p.state === 'request') return transitionPayment(tx, { paymentId, to: 'accept', reason: 'approved', actor: 'system', at, set });
    tx.update(payments).set({ ...set, updatedAt: at }).where(eq(payments.id, paymentId)).run();
    appendAudit(tx, { at, actor: 'system', action: 'payment.charge_late', subjectType: 'payment', subjectId: paymentId, data: { state: p.state, merchantId: p.merchantId } });
    return loadPayment(tx, paymentId);
  }
  if (result.outcome === 'declined') {
    const set = { chargeStatus: 'declined' as const, declineCode: result.code };
    if (p.state === 'request') return transitionPayment(tx, { paymentId, to: 'declined', reason: result.code, actor: 'system', at, set, data: { by: 'acquirer' } });
    tx.update(payments).set({ ...set, updatedAt: at }).where(eq(payments.id, paymentId)).run();
    return loadPayment(tx, paymentId);
  }
  tx.update(payments).set({ acquirerRef: result.acquirerRef ?? p.acquirerRef, updatedAt: at }).where(eq(payments.id, paymentId)).run();
  appendAudit(tx, { at, actor: 'system', action: 'payment.charge_pending', subjectType: 'payment', subjectId: paymentId, data: { why: result.reason, merchantId: p.merchantId } });
  return loadPayment(tx, paymentId);
}
