// An operator's refund goes through the payment service's one refund path (the one automatic refunds take), so
// the acquirer call, the state change, the audit rows and the merchant's webhook are the same for both.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { refunds } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { operatorActor, type OperatorPrincipal } from '../authority/permissions.ts';
import { refundPayment } from '../payments/refunds.ts';
import type { PaymentDeps } from '../payments/types.ts';
import { requirePermission } from './access.ts';
import { visibleTransaction } from './detail.ts';
import type { TransactionRow } from './transaction-rows.ts';

export interface OperatorRefundInput {
  paymentId: string;
  /** Minor units; absent refunds everything that remains. */
  amountMinor?: number;
  reason: string;
  /** The same key for the same payment answers the same refund instead of paying twice. */
  idempotencyKey?: string;
}

export interface OperatorRefundResult {
  refund: { id: string; amountMinor: number; state: 'pending' | 'refunded' | 'failed' };
  transaction: TransactionRow;
  /** The key named a refund made earlier. */
  replayed: boolean;
}

/** The refund id a key stands for: scoped to the payment, so one key on two payments is two refunds. */
export function refundIdFor(paymentId: string, idempotencyKey: string): string {
  return `re_${createHash('sha256').update(`${paymentId}\n${idempotencyKey}`).digest('hex').slice(0, 24)}`;
}

export async function refundTransaction(deps: PaymentDeps, principal: OperatorPrincipal, input: OperatorRefundInput): Promise<OperatorRefundResult> {
  requirePermission(principal, 'payments.refund');
  const reason = input.reason.trim();
  if (reason === '') throw new CloudError('reason_required', 'say why the money goes back');
  visibleTransaction(deps.db, principal, input.paymentId);
  const options = input.idempotencyKey === undefined ? {} : { refundId: refundIdFor(input.paymentId, input.idempotencyKey) };
  const outcome = await refundPayment(deps, input.paymentId, input.amountMinor ?? 'rest', reason, operatorActor(principal), options);
  const row = deps.db.select().from(refunds).where(eq(refunds.id, outcome.refundId)).get()!;
  return {
    refund: { id: row.id, amountMinor: row.amountMinor, state: row.state },
    transaction: visibleTransaction(deps.db, principal, input.paymentId),
    replayed: outcome.replayed,
  };
}
