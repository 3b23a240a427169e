import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { paymentEvents, paymentReceipts, payments, refunds } from '../../db/schema/index.ts';
import type { ChargeStatus, PaymentState } from '../../db/schema/payments.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import type { OperatorPrincipal } from '../authority/permissions.ts';
import { requirePermission } from './access.ts';
import { auditProof, type AuditProof } from './audit-proof.ts';
import { filterConditions, selectTransactions, transactionRow, type TransactionRow } from './transaction-rows.ts';

export interface TransactionDetail {
  transaction: TransactionRow;
  charge: { acquirer: string | null; status: ChargeStatus; acquirerRef: string | null; declineCode: string | null };
  /** What a refund may still take: the amount less refunds done or pending; 0 when nothing was charged. */
  refundableMinor: number;
  scenario: number;
  machineUnits: number;
  /** Controls' review flags. */
  flags: string[];
  expiresAt: number;
  updatedAt: number;
  events: { fromState: PaymentState | null; toState: PaymentState; reason: string | null; createdAt: number }[];
  receipts: { status: number; detail: number; counter: number; logSeq: number; boxTime: number; outcome: 'applied' | 'repeat' | 'late'; receivedAt: number }[];
  refunds: { id: string; amountMinor: number; state: 'pending' | 'refunded' | 'failed'; reason: string; failureCode: string | null; createdAt: number; updatedAt: number }[];
  audit: AuditProof;
}

/** The transaction row the principal may see, or CloudError `payment_not_found` (also for another tenant's). */
export function visibleTransaction(db: Executor, principal: OperatorPrincipal, paymentId: string): TransactionRow {
  const [row] = selectTransactions(db, filterConditions(principal, { paymentId }), 1);
  if (!row) throw new CloudError('payment_not_found', 'no payment with this id');
  return transactionRow(row);
}

export function transactionDetail(db: Executor, principal: OperatorPrincipal, paymentId: string): TransactionDetail {
  requirePermission(principal, 'payments.view');
  const transaction = visibleTransaction(db, principal, paymentId);
  const p = db.select().from(payments).where(eq(payments.id, paymentId)).get()!;
  const refundRows = db.select().from(refunds).where(eq(refunds.paymentId, paymentId)).orderBy(asc(refunds.createdAt), asc(refunds.id)).all();
  const committed = refundRows.filter((r) => r.state !== 'failed').reduce((sum, r) => sum + r.amountMinor, 0);
  return {
    transaction,
    charge: { acquirer: p.acquirer, status: p.chargeStatus, acquirerRef: p.acquirerRef, declineCode: p.declineCode },
    refundableMinor: p.chargeStatus === 'approved' ? Math.max(0, p.amountMinor - committed) : 0,
    scenario: p.scenario, machineUnits: p.machineUnits, flags: p.flags === null ? [] : (JSON.parse(p.flags) as string[]),
    expiresAt: p.expiresAt, updatedAt: p.updatedAt,
    events: db.select({ fromState: paymentEvents.fromState, toState: paymentEvents.toState, reason: paymentEvents.reason, createdAt: paymentEvents.createdAt })
      .from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId)).orderBy(asc(paymentEvents.id)).all(),
    receipts: db.select({
      status: paymentReceipts.status, detail: paymentReceipts.detail, counter: paymentReceipts.counter, logSeq: paymentReceipts.logSeq,
      boxTime: paymentReceipts.boxTime, outcome: paymentReceipts.outcome, receivedAt: paymentReceipts.receivedAt,
    }).from(paymentReceipts).where(eq(paymentReceipts.paymentId, paymentId)).orderBy(asc(paymentReceipts.id)).all(),
    refunds: refundRows.map((r) => ({
      id: r.id, amountMinor: r.amountMinor, state: r.state, reason: r.reason, failureCode: r.failureCode, createdAt: r.createdAt, updatedAt: r.updatedAt,
    })),
    audit: auditProof(db, 'payment', paymentId),
  };
}
