// An acquirer's asynchronous answer (already signature-checked by its verifyCallback), applied once: a repeat
// finds the charge or refund already settled and changes nothing, so the gateway can be answered 200 again.
import { eq } from 'drizzle-orm';
import type { AcquirerCallback } from '../../acquirers/types.ts';
import { refunds } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { recordCharge } from './pay.ts';
import { refundRemainder, settleRefund } from './refunds.ts';
import { loadPayment, type PaymentRow } from './transition.ts';
import type { PaymentDeps } from './types.ts';

export interface CallbackOutcome {
  applied: boolean;
  payment: PaymentRow;
}

function ownPayment(deps: PaymentDeps, paymentId: string): PaymentRow {
  const p = loadPayment(deps.db, paymentId);
  // Another acquirer's payment is as unknown as a missing one: a gateway settles only its own charges.
  if (p.acquirer !== deps.acquirer.name) throw new CloudError('payment_not_found', 'no payment with this reference');
  return p;
}

async function chargeCallback(deps: PaymentDeps, paymentId: string, result: Extract<AcquirerCallback, { kind: 'charge' }>['result']): Promise<CallbackOutcome> {
  const p = ownPayment(deps, paymentId);
  const settled = p.chargeStatus === 'approved' || p.chargeStatus === 'declined';
  if (settled || (result.outcome === 'pending' && p.chargeStatus === 'pending' && p.acquirerRef !== null)) return { applied: false, payment: p };
  const recorded = recordCharge(deps, paymentId, result);
  // Approved after the payment expired or was canceled: nothing will be delivered, so the money goes back.
  if (result.outcome === 'approved' && recorded.state !== 'accept') return { applied: true, payment: await refundRemainder(deps, recorded, `charged_after_${recorded.state}`) };
  return { applied: true, payment: recorded };
}

async function refundCallback(deps: PaymentDeps, refundId: string, result: Extract<AcquirerCallback, { kind: 'refund' }>['result']): Promise<CallbackOutcome> {
  const refund = deps.db.select().from(refunds).where(eq(refunds.id, refundId)).get();
  if (!refund) throw new CloudError('refund_not_found', 'no refund with this reference');
  const p = ownPayment(deps, refund.paymentId);
  if (refund.state !== 'pending' || result.outcome === 'pending') return { applied: false, payment: p };
  return { applied: true, payment: settleRefund(deps, refund.paymentId, refundId, refund.amountMinor, result) };
}

export function applyAcquirerCallback(deps: PaymentDeps, callback: AcquirerCallback): Promise<CallbackOutcome> {
  return callback.kind === 'charge' ? chargeCallback(deps, callback.paymentId, callback.result) : refundCallback(deps, callback.refundId, callback.result);
}
