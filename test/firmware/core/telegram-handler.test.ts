import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ERR, KIND, STATUS } from '../../../shared/protocol/index.ts';
import type { Fields } from '../../../shared/protocol/index.ts';
import { createTelegramHandler, type Machine, type WallClock } from '../../../firmware/src/core/index.ts';
import { config, configured, payment, txn } from './machine/harness.ts';

interface Answer {
  status: number;
  detail: number;
  seq: number;
}

function setup(overrides: Fields = {}) {
  const r = configured(overrides);
  let time = 0;
  const clock: WallClock = { unixNow: () => time, set: (t) => void (time = t) };
  const shown: [number, number, number][] = [];
  const rotated: Fields[] = [];
  const handler = createTelegramHandler(clock, {
    machine: r.machine,
    rotateKeys: (fields) => void rotated.push(fields),
    show: (kind, _fields, status, detail) => void shown.push([kind, status, detail]),
  });
  function send(kind: number, fields: Fields): Answer | undefined {
    let answer: Answer | undefined;
    handler(kind, fields, (status, detail, seq) => (answer = { status, detail, seq }));
    return answer;
  }
  return { r, send, shown, rotated, time: () => time };
}

const handler = suite('createTelegramHandler');

handler('sets the wall clock from a CLOCK telegram and logs it', () => {
  const t = setup();
  assert.equal(t.send(KIND.CLOCK, { txnId: txn(5), time: 1_900_000_000 }), { status: STATUS.OK, detail: 0, seq: 1 });
  assert.is(t.time(), 1_900_000_000);
});

handler('without a machine sets the clock but refuses every other kind NOT_ACTIVATED', () => {
  let time = 0;
  const bare = createTelegramHandler({ unixNow: () => time, set: (t) => void (time = t) });
  const answers: number[][] = [];
  bare(KIND.CLOCK, { time: 5 }, (s, d, q) => answers.push([s, d, q]));
  bare(KIND.PAYMENT, payment(), (s, d, q) => answers.push([s, d, q]));
  assert.equal(answers, [[STATUS.OK, 0, 0], [STATUS.REFUSED, ERR.NOT_ACTIVATED, 0]]);
  assert.is(time, 5);
});

handler('runs a payment, counts it, logs it and returns the log seq in the receipt', () => {
  const t = setup();
  assert.equal(t.send(KIND.PAYMENT, payment()), { status: STATUS.OK, detail: 0, seq: 1 });
  assert.is(t.r.state.counter, 1);
  assert.equal(t.r.records.map((x) => x.status), [STATUS.OK]);
  assert.equal(t.shown, [[KIND.PAYMENT, STATUS.OK, 0]]);
});

handler('neither counts nor logs a refusal, so the same txnId may be retried', () => {
  const t = setup();
  assert.equal(t.send(KIND.PAYMENT, payment({ scenario: 1 })), { status: STATUS.REFUSED, detail: ERR.SCENARIO_MISMATCH, seq: 0 });
  assert.equal(t.send(KIND.PAYMENT, payment({ amount: 20_000, units: 200 })), {
    status: STATUS.REFUSED, detail: ERR.AMOUNT_OVER_LIMIT, seq: 0,
  });
  assert.is(t.r.state.counter, 0);
  assert.equal(t.r.records, []);
});

handler('applies a CONFIG (OK) and refuses a bad one with BAD_FIELD', () => {
  const t = setup();
  assert.equal(t.send(KIND.CONFIG, config({ configVersion: 9 })), { status: STATUS.OK, detail: 0, seq: 1 });
  assert.is(t.r.state.configVersion, 9);
  assert.equal(t.send(KIND.CONFIG, config({ scenario: 9 })), { status: STATUS.REFUSED, detail: ERR.BAD_FIELD, seq: 0 });
});

handler('answers CANCELLED for a CANCEL of a running action and UNKNOWN_TXN otherwise', () => {
  const t = setup({ scenario: 1 });
  t.send(KIND.PAYMENT, payment({ scenario: 1 }));
  assert.equal(t.send(KIND.CANCEL, { txnId: txn(7), cancelTxnId: txn(1) }), { status: STATUS.CANCELLED, detail: 0, seq: 2 });
  assert.equal(t.send(KIND.CANCEL, { txnId: txn(8), cancelTxnId: txn(1) }), { status: STATUS.REFUSED, detail: ERR.UNKNOWN_TXN, seq: 0 });
});

handler('opens a multiple-times locker on UNLOCK inside its window, UNKNOWN_TXN outside', () => {
  const t = setup({ scenario: 4, unitSeconds: 60, pulseMs: 100 });
  t.send(KIND.PAYMENT, payment({ scenario: 4 }));
  assert.equal(t.send(KIND.UNLOCK, { txnId: txn(2), paymentTxnId: txn(1), outputIndex: 0 }), { status: STATUS.OK, detail: 0, seq: 2 });
  t.r.timers.advance(61_000);
  assert.equal(t.send(KIND.UNLOCK, { txnId: txn(3), paymentTxnId: txn(1), outputIndex: 0 }), {
    status: STATUS.REFUSED, detail: ERR.UNKNOWN_TXN, seq: 0,
  });
});

handler('acknowledges a REFUND_ACK and shows it', () => {
  const t = setup();
  const ack = { txnId: txn(4), originalTxnId: txn(1), amount: 100, currency: 392, ackKind: 1 };
  assert.equal(t.send(KIND.REFUND_ACK, ack), { status: STATUS.OK, detail: 0, seq: 1 });
  assert.equal(t.shown, [[KIND.REFUND_ACK, STATUS.OK, 0]]);
});

handler('hands a KEY_ROTATION to rotateKeys and answers OK', () => {
  const t = setup();
  const rotation = { txnId: txn(6), keyVersion: 3 };
  assert.equal(t.send(KIND.KEY_ROTATION, rotation), { status: STATUS.OK, detail: 0, seq: 1 });
  assert.equal(t.rotated, [rotation]);
});

handler('on a machine that throws, halts it (outputs inactive) and lets the throw reach the session', () => {
  let halted = 0;
  const machine: Machine = {
    configure: () => 0, unlock: () => 0, cancel: () => 0, log: () => 0,
    pay: () => {
      throw new Error('boom');
    },
    halt: () => void halted++,
  };
  const h = createTelegramHandler({ unixNow: () => 0, set: () => undefined }, { machine, rotateKeys: () => undefined });
  assert.throws(() => h(KIND.PAYMENT, payment(), () => undefined), /boom/);
  assert.is(halted, 1);
});

handler.run();
