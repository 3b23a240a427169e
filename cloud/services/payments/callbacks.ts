// An acquirer's asynchronous answer (already signature-checked by its verifyCallback), applied once: a repeat
// finds the charge or refund already settled and changes nothing, so the gateway can be answered 200 again.
import { eq } from 'drizzle-orm';
import type { Acquirer, AcquirerCallback } from '../../acquirers/types.ts';
import { refunds } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { acquirerOf } from './acquirer-choice.ts';
import { recordCharge } from './pay.ts';
import { refundRemainder, settleRefund } from './refunds.ts';
import { loadPayment, type PaymentRow } from './transition.ts';
import type { PaymentDeps } from './types.ts';

export interface CallbackOutcome {
  applied: boolean;
  payment: PaymentRow;
}

function ownPayment(deps: PaymentDeps, via: Acquirer, paymentId: string): PaymentRow {
  const p = loadPayment(deps.db, paymentId);
  // Another acquirer's payment is as unknown as a missing one: a gateway settles only its own charges, and a
  // merchant's own gateway only that merchant's.
  if (p.acquirer !== via.name || acquirerOf(deps, p) !== via) throw new CloudError('payment_not_found', 'no payment with this reference');
  return p;
}

type Result<K extends AcquirerCallback['kind']> = Extract<AcquirerCallback, { kind: K }>['result'];

async function chargeCallback(deps: PaymentDeps, via: Acquirer, paymentId: string, result: Result<'charge'>): Promise<CallbackOutcome> {
  const p = ownPayment(deps, via, paymentId);
  const settled = p.chargeStatus === 'approved' || p.chargeStatus === 'declined';
  if (settled || (result.outcome === 'pending' && p.chargeStatus === 'pending' && p.acquirerRef !== null)) return { applied: false, payment: p };
  const recorded = recordCharge(deps, paymentId, result);
  // Approved after the payment expired or was canceled: nothing will be delivered, so the money goes back.
  if (result.outcome === 'approved' && recorded.state !== 'accept') return { applied: true, payment: await refundRemainder(deps, recorded, `charged_after_${recorded.state}`) };
  return { applied: true, payment: recorded };
}

async function refundCallback(deps: PaymentDeps, via: Acquirer, refundId: string, result: Result<'refund'>): Promise<CallbackOutcome> {
  const refund = deps.db.select().from(refunds).where(eq(refunds.id, refundId)).get();
  if (!refund) throw new CloudError('refund_not_found', 'no refund with this reference');
  const p = ownPayment(deps, via, refund.paymentId);
  if (refund.state !== 'pending' || result.outcome === 'pending') return { applied: false, payment: p };
  return { applied: true, payment: settleRefund(deps, refund.paymentId, refundId, refund.amountMinor, result) };
}

/** `via` is the acquirer whose signature the callback bore (the process-wide one unless named). */
export function applyAcquirerCallback(deps: PaymentDeps, callback: AcquirerCallback, via: Acquirer = deps.acquirer): Promise<CallbackOutcome> {
  return callback.kind === 'charge' ? chargeCallback(deps, via, callback.paymentId, callback.result) : refundCallback(deps, via, callback.refundId, callback.result);
}
