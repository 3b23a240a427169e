import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import type { JsonValue } from '../../audit/canonical-json.ts';
import type { Executor } from '../../db/open.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { paymentEvents, payments } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { queuePaymentEvent } from './events.ts';
import { assertTransition, type PaymentState } from './states.ts';

export type PaymentRow = typeof payments.$inferSelect;
type PaymentUpdate = Partial<Omit<typeof payments.$inferInsert, 'id' | 'state'>>;

export interface TransitionInput {
  paymentId: string;
  to: PaymentState;
  /** Why, in a word or code: `approved`, `insufficient_funds`, `receipt_ok`, `deadline`… */
  reason: string;
  actor: string;
  at: number;
  /** Other columns changed with the state (acquirer reference, decline code…). */
  set?: PaymentUpdate;
  /** Extra audit details; never a secret. */
  data?: { [key: string]: JsonValue };
}

const paymentById = preparedQuery((db) => db.select().from(payments).where(eq(payments.id, sql.placeholder('paymentId'))).prepare());

export function loadPayment(db: Executor, paymentId: string): PaymentRow {
  const row = paymentById(db).get({ paymentId });
  if (!row) throw new CloudError('payment_not_found', 'no payment with this id');
  return row;
}

/**
 * Moves a payment to `to` if the state machine allows it, writing the payment_events row, the audit row and the
 * merchant's webhook event in the same transaction (a savepoint when the caller already holds one). The update
 * is conditional on the state read, so two writers racing on one payment cannot both move it.
 */
export function transitionPayment(db: Executor, input: TransitionInput): PaymentRow {
  return db.transaction((tx) => {
    const current = loadPayment(tx, input.paymentId);
    assertTransition(current.state, input.to);
    const moved = tx.update(payments).set({ ...input.set, state: input.to, updatedAt: input.at })
      .where(and(eq(payments.id, input.paymentId), eq(payments.state, current.state))).run();
    if (moved.changes !== 1) throw new CloudError('illegal_transition', `the payment left ${current.state} meanwhile`);
    tx.insert(paymentEvents).values({
      paymentId: input.paymentId, fromState: current.state, toState: input.to, reason: input.reason, createdAt: input.at,
    }).run();
    appendAudit(tx, {
      at: input.at, actor: input.actor, action: `payment.${input.to}`, subjectType: 'payment', subjectId: input.paymentId,
      // merchantId lets the merchant's own accounts read the row in their audit log.
      data: {
        from: current.state, to: input.to, reason: input.reason, amountMinor: current.amountMinor, currency: current.currency,
        merchantId: current.merchantId, storeId: current.storeId, ...input.data,
      },
    });
    const after = loadPayment(tx, input.paymentId);
    queuePaymentEvent(tx, after, current.state, input.at);
    return after;
  });
}
