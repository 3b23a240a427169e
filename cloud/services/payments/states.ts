// The payment state machine (seed 001's Request → Accept → Finish, plus the ways a payment ends otherwise).
// Pure: the table is the whole rule; transition.ts applies it to the database.
import { PAYMENT_STATES, type PaymentState } from '../../db/schema/payments.ts';
import { CloudError } from '../../errors/cloud-error.ts';

export { PAYMENT_STATES };
export type { PaymentState };

/**
 * Where each state may go. Refunded is reachable from every state that can hold money: a charged payment that
 * failed, expired or was canceled is refunded automatically; a finished one by an operator (a partial refund
 * keeps it in Finish and only raises `refundedMinor`, see refunds.ts). Declined and Refunded are final.
 */
export const TRANSITIONS: Readonly<Record<PaymentState, readonly PaymentState[]>> = {
  request: ['accept', 'declined', 'expired', 'canceled', 'failed'],
  accept: ['finish', 'failed', 'expired', 'canceled', 'refunded'],
  finish: ['refunded'],
  failed: ['refunded'],
  expired: ['refunded'],
  canceled: ['refunded'],
  declined: [],
  refunded: [],
};

export function canTransition(from: PaymentState, to: PaymentState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws CloudError `illegal_transition` (HTTP 409) unless `from → to` is in the table. */
export function assertTransition(from: PaymentState, to: PaymentState): void {
  if (!canTransition(from, to)) throw new CloudError('illegal_transition', `a payment in ${from} cannot become ${to}`);
}

/** States no transition leaves, and states the sweeper never touches. */
export function isFinal(state: PaymentState): boolean {
  return TRANSITIONS[state].length === 0;
}

/** A payment still waiting on the charge or the box: the sweeper expires these past their deadline. */
export const OPEN_STATES: readonly PaymentState[] = ['request', 'accept'];
