import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ERR, FLAG, STATUS, encodeFields } from '../../../../shared/protocol/index.ts';
import { FRAME, VEND_LAYOUT, encodeFrame } from '../../../../firmware/src/core/machine/index.ts';
import { configured, payment, txn, type Rig } from './harness.ts';

const digital = { scenario: 5, outputMask: 0, unitPrice: 0, uartBaud: 19200, uartFraming: 0x18 };
const vend = payment({ scenario: 5, sku: 0x01020304, units: 2, amount: 360 });

function answer(type: number, txnId: Uint8Array, code: number): Uint8Array {
  return encodeFrame(type, new Uint8Array([...txnId, code]));
}

function start(overrides = {}): { r: Rig; result: () => { status: number; detail: number } | undefined } {
  const r = configured({ ...digital, ...overrides });
  let result: { status: number; detail: number } | undefined;
  r.machine.pay(vend, (status, detail) => (result = { status, detail }));
  return { r, result: () => result };
}

const link = suite('digital interface');

link('opens the UART with the configured baud rate and framing', () => {
  const { r } = start();
  assert.is(r.uart!.baud, 19200);
  assert.is(r.uart!.framing, 0x18);
});

link('sends one VEND frame with txnId, sku, units, amount and currency', () => {
  const { r } = start();
  assert.equal(r.uartWrites, [encodeFrame(FRAME.VEND, encodeFields(VEND_LAYOUT, vend))]);
});

link('answers OK on the ACK for its txnId, even split in pieces after line noise', () => {
  const { r, result } = start();
  const bytes = new Uint8Array([0xff, 0x02, 0x30, ...answer(FRAME.ACK, txn(1), 0)]);
  r.uart!.onReadable(bytes.subarray(0, 5));
  assert.is(result(), undefined);
  r.uart!.onReadable(bytes.subarray(5));
  assert.equal(result(), { status: STATUS.OK, detail: 0 });
});

link('answers MACHINE_FAILED with the machine code on a NAK', () => {
  const { r, result } = start();
  r.uart!.onReadable(answer(FRAME.NAK, txn(1), 7));
  assert.equal(result(), { status: STATUS.MACHINE_FAILED, detail: 7 });
});

link('ignores an answer for another txnId and answers MACHINE_TIMEOUT after the default 5 s', () => {
  const { r, result } = start();
  r.uart!.onReadable(answer(FRAME.ACK, txn(9), 0));
  r.timers.advance(4999);
  assert.is(result(), undefined);
  r.timers.advance(1);
  assert.equal(result(), { status: STATUS.MACHINE_TIMEOUT, detail: 0 });
  r.uart!.onReadable(answer(FRAME.ACK, txn(1), 0));
  assert.equal(result(), { status: STATUS.MACHINE_TIMEOUT, detail: 0 });
});

link('takes the timeout in seconds from CONFIG options', () => {
  const { r, result } = start({ options: 2 });
  r.timers.advance(2000);
  assert.equal(result(), { status: STATUS.MACHINE_TIMEOUT, detail: 0 });
});

link('is BUSY while a VEND waits, and free again after its answer', () => {
  const { r } = start();
  assert.ok(r.state.flags & FLAG.BUSY);
  assert.equal(r.pay(payment({ ...vend, txnId: txn(2) })), { status: STATUS.REFUSED, detail: ERR.BUSY });
  r.uart!.onReadable(answer(FRAME.ACK, txn(1), 0));
  assert.is(r.state.flags & FLAG.BUSY, 0);
});

link('ends a waiting VEND as MACHINE_FAILED on halt', () => {
  const { r, result } = start();
  r.machine.halt();
  assert.equal(result(), { status: STATUS.MACHINE_FAILED, detail: ERR.MACHINE_FAULT });
  assert.is(r.timers.pending(), 0);
});

link.run();
