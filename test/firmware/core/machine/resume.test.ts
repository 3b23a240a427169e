import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ERR, STATUS } from '../../../../shared/protocol/index.ts';
import { configured, payment, pulses, txn, UNIX } from './harness.ts';

const HOUR = 3_600_000;
const resume = suite('resume after reset');

resume('resumes paid time with the clock set: output active again until the original end', () => {
  const before = configured({ scenario: 1 });
  before.pay(payment({ scenario: 1, units: 2, amount: 200 }));
  before.timers.advance(30_000);
  before.trace.splice(0);
  const after = before.reset(UNIX + 30);
  after.timers.advance(200_000);
  // Boot drives the configured outputs inactive, then the window resumes for its remaining 90 s.
  assert.equal(after.trace, [
    { t: 0, pin: 0, level: 0 }, { t: 0, pin: 1, level: 1 }, { t: 0, pin: 0, level: 1 }, { t: 90_000, pin: 0, level: 0 },
  ]);
  assert.equal(after.records, []);
  assert.is(after.store.files.has('waygo.win0'), false);
});

resume('fails safe with the clock unset: output inactive, window dropped and logged MACHINE_FAILED', () => {
  const before = configured({ scenario: 1 });
  before.pay(payment({ scenario: 1, units: 2, amount: 200 }));
  before.trace.splice(0);
  const after = before.reset(0);
  after.timers.advance(200_000);
  assert.equal(after.trace, [{ t: 0, pin: 0, level: 0 }, { t: 0, pin: 1, level: 1 }]);
  assert.equal(after.records.map((x) => [x.fields.txnId, x.fields.walletId, x.fields.amount, x.status]), [
    [txn(1), 42, 200, STATUS.MACHINE_FAILED],
  ]);
  assert.is(after.state.counter, 1);
  assert.is(after.store.files.has('waygo.win0'), false);
});

resume('fails safe for a window paid while the clock was unset, even if the clock is set after the reset', () => {
  const before = configured({ scenario: 1 }, { unix: 0 });
  before.pay(payment({ scenario: 1 }));
  const after = before.reset(UNIX);
  assert.equal(after.records.map((x) => x.status), [STATUS.MACHINE_FAILED]);
});

resume('resumes a multiple-times locker window: UNLOCK still opens it until the original end', () => {
  const before = configured({ scenario: 4, unitSeconds: 3600, pulseMs: 500 });
  before.pay(payment({ scenario: 4 }));
  before.timers.advance(1000);
  const after = before.reset(UNIX + 600);
  after.trace.splice(0);
  assert.is(after.machine.unlock({ paymentTxnId: txn(1), outputIndex: 0 }), 0);
  after.timers.advance(HOUR);
  assert.is(after.machine.unlock({ paymentTxnId: txn(1), outputIndex: 0 }), ERR.UNKNOWN_TXN);
  assert.equal(pulses(after.trace, 0, 1), [[0, 500]]);
});

resume('gives a once locker whose window ended during the reset its end pulse at boot', () => {
  const before = configured({ scenario: 3, unitSeconds: 3600, pulseMs: 500 });
  before.pay(payment({ scenario: 3 }));
  before.trace.splice(0);
  const after = before.reset(UNIX + 7200);
  after.timers.advance(1000);
  assert.equal(pulses(after.trace, 0, 1), [[0, 500]]);
  assert.is(after.store.files.has('waygo.win0'), false);
});

resume('resumes a once locker window still open and pulses at its end', () => {
  const before = configured({ scenario: 3, unitSeconds: 3600, pulseMs: 500 });
  before.pay(payment({ scenario: 3 }));
  before.trace.splice(0);
  const after = before.reset(UNIX + 1800);
  after.timers.advance(HOUR);
  assert.equal(pulses(after.trace, 0, 1), [[1_800_000, 500]]);
});

resume.run();
