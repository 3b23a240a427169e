import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { PAYMENT_STATES, TRANSITIONS, assertTransition, canTransition, isFinal, type PaymentState } from '../../../../cloud/services/payments/index.ts';

const LEGAL: [PaymentState, PaymentState][] = [
  ['request', 'accept'], ['request', 'declined'], ['request', 'expired'], ['request', 'canceled'], ['request', 'failed'],
  ['accept', 'finish'], ['accept', 'failed'], ['accept', 'expired'], ['accept', 'canceled'], ['accept', 'refunded'],
  ['finish', 'refunded'], ['failed', 'refunded'], ['expired', 'refunded'], ['canceled', 'refunded'],
];
const isLegal = (from: PaymentState, to: PaymentState) => LEGAL.some(([f, t]) => f === from && t === to);

const test = suite('assertTransition');

test('allows exactly the fourteen transitions of the payment states', () => {
  for (const from of PAYMENT_STATES) {
    for (const to of PAYMENT_STATES) assert.is(canTransition(from, to), isLegal(from, to), `${from} → ${to}`);
  }
});

test('refuses every other pair with CloudError illegal_transition', () => {
  for (const from of PAYMENT_STATES) {
    for (const to of PAYMENT_STATES) {
      if (isLegal(from, to)) {
        assertTransition(from, to);
        continue;
      }
      assert.throws(() => assertTransition(from, to), (err: unknown) => err instanceof CloudError && err.code === 'illegal_transition');
    }
  }
});

test('makes Declined and Refunded final and nothing else', () => {
  assert.equal(PAYMENT_STATES.filter(isFinal), ['declined', 'refunded']);
});

test('a random walk that takes only allowed steps stays in known states and reaches a final state within three steps', () => {
  fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 10 }), (choices) => {
    let state: PaymentState = 'request';
    let steps = 0;
    for (const choice of choices) {
      const next: readonly PaymentState[] = TRANSITIONS[state];
      if (next.length === 0) break;
      const to: PaymentState = next[choice % next.length]!;
      assertTransition(state, to);
      state = to;
      steps += 1;
    }
    assert.ok(PAYMENT_STATES.includes(state));
    assert.ok(steps <= 3);
  }));
});

test('a random sequence of attempted transitions never leaves the table: refused attempts leave the state as it was', () => {
  fc.assert(fc.property(fc.array(fc.constantFrom(...PAYMENT_STATES), { maxLength: 20 }), (attempts) => {
    let state: PaymentState = 'request';
    for (const to of attempts) {
      try {
        assertTransition(state, to);
        assert.ok(isLegal(state, to));
        state = to;
      } catch (err) {
        assert.ok(err instanceof CloudError && !isLegal(state, to));
      }
    }
  }));
});

test.run();
