import { requireCount } from './input.ts';
import { allowed, type ControlDecision } from './types.ts';

export interface CounterCheck {
  /** The counter the cloud last accepted from this box; undefined for a box never heard from. */
  last: number | undefined;
  /** The counter the box reports now (HELLO or RECEIPT). */
  reported: number;
  /** Transactions the box should have run since `last`: 0 for a HELLO, 1 for a RECEIPT of a new telegram. */
  expectedRun: number;
}

/**
 * Serial-number coherence (seed 003): the box's counter counts executed telegrams and never decreases.
 * A decrease means a reset, a restored flash image or a cloned box; a gap means transactions the cloud did not
 * see; a counter that did not move by what ran means a replayed receipt. Flags only: the operator decides,
 * because refusing a box also strands the customer standing at it.
 */
export function checkCounter(check: CounterCheck): ControlDecision {
  requireCount('reported', check.reported);
  requireCount('expectedRun', check.expectedRun);
  if (check.last === undefined) return allowed();
  requireCount('last', check.last);
  const advance = check.reported - check.last;
  if (advance < 0) return allowed(['counter_decrease']);
  if (advance < check.expectedRun) return allowed(['counter_duplicate']);
  if (advance > check.expectedRun) return allowed(['counter_gap']);
  return allowed();
}
