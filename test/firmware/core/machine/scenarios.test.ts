import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { ERR, STATUS } from '../../../../shared/protocol/index.ts';
import { configured, payment, pulses, txn } from './harness.ts';

const HOUR = 3_600_000;
const byTime = { scenario: 1, unitSeconds: 60 };
const once = { scenario: 3, unitSeconds: 3600, pulseMs: 500 };
const multi = { scenario: 4, unitSeconds: 3600, pulseMs: 500, inputRoles: 0x02 };

const time = suite('pay by time');

time('holds the output active for units × unitSeconds, then inactive', () => {
  const r = configured(byTime);
  assert.equal(r.pay(payment({ scenario: 1, units: 2, amount: 200 })), { status: STATUS.OK, detail: 0 });
  r.timers.advance(200_000);
  assert.equal(r.trace, [{ t: 0, pin: 0, level: 1 }, { t: 120_000, pin: 0, level: 0 }]);
});

time('extends a running window by the second payment without dropping the output', () => {
  const r = configured(byTime);
  r.pay(payment({ scenario: 1, units: 2, amount: 200 }));
  r.timers.advance(60_000);
  r.pay(payment({ scenario: 1, txnId: txn(2) }));
  r.timers.advance(200_000);
  assert.equal(r.trace, [{ t: 0, pin: 0, level: 1 }, { t: 180_000, pin: 0, level: 0 }]);
});

time('drives an active-low output low while active', () => {
  const r = configured(byTime);
  r.pay(payment({ scenario: 1, outputIndex: 1 }));
  r.timers.advance(60_000);
  assert.equal(r.trace, [{ t: 0, pin: 1, level: 0 }, { t: 60_000, pin: 1, level: 1 }]);
});

time.run();

const count = suite('pay by count');

count('sends units × pulsesPerUnit pulses of pulseMs with gapMs between', () => {
  const r = configured();
  r.pay(payment({ units: 2, amount: 200 }));
  r.timers.advance(1000);
  assert.equal(pulses(r.trace, 0, 1), [[0, 50], [150, 50], [300, 50], [450, 50]]);
  assert.is(r.trace.at(-1)!.level, 0);
});

count('queues a second series behind a running one, keeping the gap', () => {
  const r = configured();
  r.pay(payment());
  r.timers.advance(60);
  r.pay(payment({ txnId: txn(2) }));
  r.timers.advance(1000);
  assert.equal(pulses(r.trace, 0, 1), [[0, 50], [150, 50], [300, 50], [450, 50]]);
});

count('emits exactly units × pulsesPerUnit pulses of the right width for any valid config, all outputs inactive after', () => {
  fc.assert(fc.property(
    fc.record({
      pulseMs: fc.integer({ min: 1, max: 300 }), gapMs: fc.integer({ min: 1, max: 300 }),
      pulsesPerUnit: fc.integer({ min: 1, max: 6 }), activeLevels: fc.integer({ min: 0, max: 15 }),
      outputMask: fc.integer({ min: 1, max: 15 }), unitPrice: fc.integer({ min: 1, max: 1000 }),
    }),
    fc.array(fc.record({ units: fc.integer({ min: 1, max: 5 }), output: fc.nat(3), wait: fc.nat(2000) }), { maxLength: 6 }),
    (cfg, payments) => {
      const r = configured({ ...cfg, maxAmount: 5000 });
      const expected = [0, 0, 0, 0];
      payments.forEach((p, k) => {
        if (!((cfg.outputMask >> p.output) & 1)) return;
        const result = r.pay(payment({ txnId: txn(k + 1), units: p.units, amount: p.units * cfg.unitPrice, outputIndex: p.output }));
        assert.equal(result, { status: STATUS.OK, detail: 0 });
        expected[p.output]! += p.units * cfg.pulsesPerUnit;
        r.timers.advance(p.wait);
      });
      r.timers.advance(60 * 600 * 30);
      for (let pin = 0; pin < 4; pin++) {
        const active = (cfg.activeLevels >> pin) & 1;
        const seen = pulses(r.trace, pin, active);
        assert.is(seen.length, expected[pin]);
        for (const [, width] of seen) assert.is(width, cfg.pulseMs);
        for (let k = 1; k < seen.length; k++) assert.ok(seen[k]![0] - seen[k - 1]![0] - cfg.pulseMs >= cfg.gapMs);
        const last = r.trace.filter((e) => e.pin === pin).at(-1);
        if (last !== undefined) assert.is(last.level, 1 - active);
      }
      assert.is(r.timers.pending(), 0);
    },
  ), { numRuns: 150 });
});

count.run();

const onceLocker = suite('once locker');

onceLocker('pulses open at payment and once more at the end of the paid window', () => {
  const r = configured(once);
  r.pay(payment({ scenario: 3, units: 2, amount: 200 }));
  r.timers.advance(3 * HOUR);
  assert.equal(pulses(r.trace, 0, 1), [[0, 500], [2 * HOUR, 500]]);
  assert.is(r.store.files.has('waygo.win0'), false);
});

onceLocker('refuses a second payment for a locker still rented with BUSY', () => {
  const r = configured(once);
  r.pay(payment({ scenario: 3 }));
  assert.equal(r.pay(payment({ scenario: 3, txnId: txn(2) })), { status: STATUS.REFUSED, detail: ERR.BUSY });
});

onceLocker.run();

const multiLocker = suite('multiple-times locker');

multiLocker('opens at payment, on the door button and on an UNLOCK naming the window, any number of times', () => {
  const r = configured(multi);
  r.pay(payment({ scenario: 4 }));
  r.timers.advance(1000);
  r.setInput(0, 1);
  r.setInput(0, 0);
  r.timers.advance(1000);
  assert.is(r.machine.unlock({ paymentTxnId: txn(1), outputIndex: 0 }), 0);
  r.timers.advance(1000);
  assert.is(r.machine.unlock({ paymentTxnId: txn(1), outputIndex: 0 }), 0);
  r.timers.advance(1000);
  assert.equal(pulses(r.trace, 0, 1), [[0, 500], [1000, 500], [2000, 500], [3000, 500]]);
});

multiLocker('refuses an UNLOCK for another txnId or output with UNKNOWN_TXN', () => {
  const r = configured(multi);
  r.pay(payment({ scenario: 4 }));
  r.timers.advance(1000);
  assert.is(r.machine.unlock({ paymentTxnId: txn(9), outputIndex: 0 }), ERR.UNKNOWN_TXN);
  assert.is(r.machine.unlock({ paymentTxnId: txn(1), outputIndex: 1 }), ERR.UNKNOWN_TXN);
  assert.is(r.machine.unlock({ paymentTxnId: txn(1), outputIndex: 200 }), ERR.UNKNOWN_TXN);
  assert.equal(pulses(r.trace, 0, 1), [[0, 500]]);
});

multiLocker('ignores the button and refuses UNLOCK once the window has closed', () => {
  const r = configured(multi);
  r.pay(payment({ scenario: 4 }));
  r.timers.advance(HOUR + 1);
  r.setInput(0, 1);
  assert.is(r.machine.unlock({ paymentTxnId: txn(1), outputIndex: 0 }), ERR.UNKNOWN_TXN);
  r.timers.advance(1000);
  assert.equal(pulses(r.trace, 0, 1), [[0, 500]]);
});

multiLocker.run();

const merchant = suite('merchant counter');

merchant('answers OK at once and touches no output', () => {
  const r = configured({ scenario: 6, outputMask: 0 });
  assert.equal(r.pay(payment({ scenario: 6, amount: 4321, units: 0 })), { status: STATUS.OK, detail: 0 });
  r.timers.advance(10_000);
  assert.equal(r.trace, []);
});

merchant.run();
