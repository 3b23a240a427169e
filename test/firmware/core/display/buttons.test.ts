import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { BUTTON, onButton, type Screen } from '../../../../firmware/src/core/display/index.ts';

const test = suite('onButton');
const paying: Screen = { kind: 'paying', payment: { amount: 1, currency: 764, walletId: 1 } };

test('BACK on idle opens the log at the newest record, and does nothing while the log is empty', () => {
  assert.equal(onButton({ kind: 'idle', amount: 0 }, BUTTON.BACK, 12, 100), { kind: 'log', index: 11 });
  assert.equal(onButton({ kind: 'idle', amount: 0 }, BUTTON.BACK, 0, 100), { kind: 'idle', amount: 0 });
});

test('PREV and NEXT step through the log without leaving it, BACK returns to idle', () => {
  assert.equal(onButton({ kind: 'log', index: 5 }, BUTTON.PREV, 12, 100), { kind: 'log', index: 4 });
  assert.equal(onButton({ kind: 'log', index: 5 }, BUTTON.NEXT, 12, 100), { kind: 'log', index: 6 });
  assert.equal(onButton({ kind: 'log', index: 0 }, BUTTON.PREV, 12, 100), { kind: 'log', index: 0 });
  assert.equal(onButton({ kind: 'log', index: 11 }, BUTTON.NEXT, 12, 100), { kind: 'log', index: 11 });
  assert.equal(onButton({ kind: 'log', index: 3 }, BUTTON.BACK, 12, 100), { kind: 'idle', amount: 0 });
});

test('NEXT and PREV on idle raise and lower the requested amount by the step, never below zero; CLEAR drops it', () => {
  assert.equal(onButton({ kind: 'idle', amount: 0 }, BUTTON.NEXT, 0, 500), { kind: 'idle', amount: 500 });
  assert.equal(onButton({ kind: 'idle', amount: 500 }, BUTTON.PREV, 0, 500), { kind: 'idle', amount: 0 });
  assert.equal(onButton({ kind: 'idle', amount: 0 }, BUTTON.PREV, 0, 500), { kind: 'idle', amount: 0 });
  assert.equal(onButton({ kind: 'idle', amount: 1500 }, BUTTON.CLEAR, 0, 500), { kind: 'idle', amount: 0 });
  assert.equal(onButton({ kind: 'idle', amount: 0 }, BUTTON.NEXT, 0, 0), { kind: 'idle', amount: 0 });
});

test('a payment in progress ignores every button; results and the staff view return to idle', () => {
  for (const button of [0, 1, 2, 3]) {
    assert.is(onButton(paying, button, 5, 100), paying);
    assert.equal(onButton({ kind: 'result', outcome: 'paid', code: 0 }, button, 5, 100), { kind: 'idle', amount: 0 });
    assert.equal(onButton({ kind: 'counter', payment: paying.payment }, button, 5, 100), { kind: 'idle', amount: 0 });
  }
});

test('any sequence of presses keeps the log index inside the log and the amount at zero or more', () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 }), fc.integer({ min: 0, max: 20 }), (presses, count) => {
    let screen: Screen = { kind: 'idle', amount: 0 };
    for (const button of presses) {
      screen = onButton(screen, button, count, 250);
      if (screen.kind === 'log' && (screen.index < 0 || screen.index >= count)) return false;
      if (screen.kind === 'idle' && screen.amount < 0) return false;
    }
    return true;
  }));
});

test.run();
