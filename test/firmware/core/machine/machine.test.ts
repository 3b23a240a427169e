import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ERR, FLAG, STATUS } from '../../../../shared/protocol/index.ts';
import { CONFIG_FILE } from '../../../../firmware/src/core/machine/index.ts';
import { config, configured, payment, pulses, rig, txn } from './harness.ts';

const create = suite('createMachine');

create('boots unconfigured: touches no output, raises no flag and refuses payments NOT_ACTIVATED', () => {
  const fresh = rig();
  assert.equal(fresh.trace, []);
  assert.is(fresh.state.flags, 0);
  assert.equal(fresh.pay(payment()), { status: STATUS.REFUSED, detail: ERR.NOT_ACTIVATED });
});

create('stores a valid configuration and applies it: outputs inactive at their configured level, flags and version set', () => {
  const r = rig();
  assert.is(r.machine.configure(config()), 0);
  assert.ok(r.store.files.has(CONFIG_FILE));
  assert.equal(r.trace, [{ t: 0, pin: 0, level: 0 }, { t: 0, pin: 1, level: 1 }]);
  assert.is(r.state.flags, FLAG.ACTIVATED | (2 << FLAG.SCENARIO_SHIFT));
  assert.is(r.state.configVersion, 7);
});

create('loads the stored configuration at boot and drives its outputs inactive', () => {
  const first = configured();
  const trace: { t: number; pin: number; level: number }[] = [];
  const again = rig({ store: first.store, trace });
  assert.equal(trace, [{ t: 0, pin: 0, level: 0 }, { t: 0, pin: 1, level: 1 }]);
  assert.is(again.state.configVersion, 7);
  assert.equal(again.pay(payment()), { status: STATUS.OK, detail: 0 });
});

create('refuses an invalid configuration with BAD_FIELD and keeps the one it had', () => {
  const r = configured();
  assert.is(r.machine.configure(config({ pulseMs: 0, configVersion: 8 })), ERR.BAD_FIELD);
  assert.is(r.state.configVersion, 7);
});

create('refuses a new configuration with BUSY while an action runs, and accepts it after', () => {
  const r = configured();
  r.pay(payment());
  assert.is(r.machine.configure(config({ configVersion: 8 })), ERR.BUSY);
  r.timers.advance(1000);
  assert.is(r.machine.configure(config({ configVersion: 8 })), 0);
});

create('refuses the digital interface on a board without a UART', () => {
  const r = rig({ noUart: true });
  assert.is(r.machine.configure(config({ scenario: 5 })), ERR.BAD_FIELD);
});

create('refuses payments with BUSY while the busy input is active, and shows it in the flags', () => {
  const r = configured({ inputRoles: 0x40 });
  r.setInput(1, 1);
  assert.ok(r.state.flags & FLAG.BUSY);
  assert.equal(r.pay(payment()), { status: STATUS.REFUSED, detail: ERR.BUSY });
  r.setInput(1, 0);
  assert.is(r.state.flags & FLAG.BUSY, 0);
  assert.equal(r.pay(payment()), { status: STATUS.OK, detail: 0 });
});

create('on the fault input: outputs inactive, window dropped and logged MACHINE_FAILED, payments refused MACHINE_FAULT', () => {
  const r = configured({ scenario: 1, inputRoles: 0x03 });
  r.pay(payment({ scenario: 1, units: 5, amount: 500 }));
  r.timers.advance(1000);
  r.setInput(0, 1);
  assert.equal(r.trace, [{ t: 0, pin: 0, level: 1 }, { t: 1000, pin: 0, level: 0 }, { t: 1000, pin: 1, level: 1 }]);
  assert.ok(r.state.flags & FLAG.MACHINE_FAULT);
  assert.equal(r.records.map((x) => [x.fields.txnId, x.status]), [[txn(1), STATUS.MACHINE_FAILED]]);
  assert.is(r.store.files.has('waygo.win0'), false);
  assert.equal(r.pay(payment({ scenario: 1, txnId: txn(2) })), { status: STATUS.REFUSED, detail: ERR.MACHINE_FAULT });
  r.timers.advance(600_000);
  assert.is(r.trace.length, 3);
});

create('log() counts the telegram and returns the seq the record callback gave', () => {
  const r = configured();
  assert.is(r.machine.log(payment(), STATUS.OK), 1);
  assert.is(r.machine.log(payment(), STATUS.OK), 2);
  assert.is(r.state.counter, 2);
});

create.run();

const cancel = suite('cancel');

cancel('stops a running window whose txnId matches: output inactive, stored window erased', () => {
  const r = configured({ scenario: 1 });
  r.pay(payment({ scenario: 1, units: 3, amount: 300 }));
  r.timers.advance(1000);
  assert.is(r.machine.cancel({ cancelTxnId: txn(1) }), 0);
  assert.equal(r.trace, [{ t: 0, pin: 0, level: 1 }, { t: 1000, pin: 0, level: 0 }]);
  assert.is(r.store.files.has('waygo.win0'), false);
  assert.is(r.timers.pending(), 0);
});

cancel('drops the pulses not yet sent and lets the running one finish at its width', () => {
  const r = configured();
  r.pay(payment({ units: 5, amount: 500 }));
  r.timers.advance(170);
  assert.is(r.machine.cancel({ cancelTxnId: txn(1) }), 0);
  r.timers.advance(5000);
  assert.equal(pulses(r.trace, 0, 1), [[0, 50], [150, 50]]);
  assert.is(r.trace.at(-1)!.level, 0);
});

cancel('answers UNKNOWN_TXN for a txnId with nothing running', () => {
  const r = configured({ scenario: 1 });
  assert.is(r.machine.cancel({ cancelTxnId: txn(1) }), ERR.UNKNOWN_TXN);
  r.pay(payment({ scenario: 1 }));
  r.timers.advance(70_000);
  assert.is(r.machine.cancel({ cancelTxnId: txn(1) }), ERR.UNKNOWN_TXN);
});

cancel.run();
