import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ERR, KIND, SCENARIO, STATUS } from '../../../shared/protocol/index.ts';
import { boards } from '../../../tools/build/index.ts';
import { LED_PATTERNS } from '../../../firmware/src/core/display/index.ts';
import { UNIX, WALLET_ID, configuredBox, edges, machineFrame, nextTxnId, paymentFields, receiptVerifies } from './harness.ts';
import { testOn } from './known-bugs.ts';

// Every scenario from a CONFIG telegram sealed by the cloud, paid through HELLO → AUTH → IV → PAYMENT → RECEIPT
// on each board's BUILT bundle. Widths, gaps, windows and prices are the CONFIG's, never the firmware's.

const scenarios = suite('scenarios end to end');

for (const board of boards) {
  const out = board.pins.outputs[0]!;

  testOn(scenarios, board.id, ['config'], `${board.id}: pay by time holds the output active for units × unitSeconds and a second payment extends it`, () => {
    const { box, wallet, keys, receipt } = configuredBox(board, { scenario: SCENARIO.PAY_BY_TIME, unitPrice: 100, unitSeconds: 60 });
    assert.is(receipt.fields.status, STATUS.OK);
    const from = box.now();
    const first = wallet.pay({ scenario: SCENARIO.PAY_BY_TIME, amount: 200, units: 2 });
    assert.is(first.fields.status, STATUS.OK);
    assert.ok(receiptVerifies(keys, first));
    box.advance(30_000 - (box.now() - from));
    assert.is(wallet.pay({ scenario: SCENARIO.PAY_BY_TIME, amount: 100, units: 1 }).fields.status, STATUS.OK);
    box.advance(200_000);
    assert.equal(edges(box, out, from), [[0, 1], [180_000, 0]], '2 + 1 units of 60 s, no gap');
  });

  testOn(scenarios, board.id, ['config'], `${board.id}: pay by count sends units × pulsesPerUnit pulses of pulseMs, gapMs apart`, () => {
    const { box, wallet } = configuredBox(board, { scenario: SCENARIO.PAY_BY_COUNT, unitPrice: 50, pulseMs: 40, gapMs: 60, pulsesPerUnit: 2 });
    const from = box.now();
    assert.is(wallet.pay({ scenario: SCENARIO.PAY_BY_COUNT, amount: 150, units: 3 }).fields.status, STATUS.OK);
    box.advance(2000);
    const expected: [number, number][] = [];
    for (let p = 0; p < 6; p++) expected.push([p * 100, 1], [p * 100 + 40, 0]);
    assert.equal(edges(box, out, from), expected);
  });

  testOn(scenarios, board.id, ['config'], `${board.id}: a once locker opens with a pulseMs pulse at the start and again when the paid window ends`, () => {
    const { box, wallet } = configuredBox(board, { scenario: SCENARIO.ONCE_LOCKER, unitPrice: 300, unitSeconds: 90, pulseMs: 250 });
    const from = box.now();
    assert.is(wallet.pay({ scenario: SCENARIO.ONCE_LOCKER, amount: 600, units: 2 }).fields.status, STATUS.OK);
    box.advance(200_000);
    assert.equal(edges(box, out, from), [[0, 1], [250, 0], [180_000, 1], [180_250, 0]]);
  });

  testOn(scenarios, board.id, ['config'], `${board.id}: a multiple-times locker opens on the button and on UNLOCK within its window and on neither after it`, () => {
    const { box, wallet } = configuredBox(board, { scenario: SCENARIO.MULTI_LOCKER, unitPrice: 300, unitSeconds: 60, pulseMs: 100, inputRoles: 0x02 });
    const button = board.pins.inputs[0]!;
    const payment = paymentFields({ scenario: SCENARIO.MULTI_LOCKER, amount: 300, units: 1 });
    const from = box.now();
    assert.is(wallet.telegram(KIND.PAYMENT, payment).fields.status, STATUS.OK);
    box.advance(10_000 - (box.now() - from));
    box.setInput(button, 1);
    box.advance(200);
    box.setInput(button, 0);
    box.advance(20_000 - (box.now() - from));
    const unlock = () => wallet.telegram(KIND.UNLOCK, { txnId: nextTxnId(), issuedAt: UNIX, expiresAt: 0, paymentTxnId: payment.txnId!, outputIndex: 0 });
    assert.is(unlock().fields.status, STATUS.OK);
    box.advance(70_000 - (box.now() - from));
    const inWindow = edges(box, out, from).filter(([, level]) => level === 1).length;
    assert.is(inWindow, 3, 'payment, button and UNLOCK each opened once');
    box.setInput(button, 1);
    box.advance(200);
    box.setInput(button, 0);
    const late = unlock();
    assert.equal([late.fields.status, late.fields.detail], [STATUS.REFUSED, ERR.UNKNOWN_TXN]);
    box.advance(1000);
    assert.is(edges(box, out, from).filter(([, level]) => level === 1).length, 3, 'nothing opens after the window');
  });

  const digital = { scenario: SCENARIO.DIGITAL_INTERFACE, uartBaud: 9600, unitPrice: 150, options: 2 };
  const vend = () => paymentFields({ scenario: SCENARIO.DIGITAL_INTERFACE, amount: 300, units: 2, sku: 77 });

  testOn(scenarios, board.id, ['config'], `${board.id}: the digital interface sends a VEND frame on the UART and an ACK makes the receipt OK`, () => {
    const { box, wallet } = configuredBox(board, digital);
    assert.is(box.uart.setups.at(-1)!.baud, 9600);
    const payment = vend();
    wallet.sendTelegram(KIND.PAYMENT, payment);
    box.advance(100);
    const frame = box.uart.events.filter((e) => e.direction === 'tx').at(-1)!.bytes;
    assert.equal([frame.length, frame[0], frame[2], frame.at(-1)], [26, 0x02, 0x01, 0x03]);
    assert.equal(frame.slice(3, 11), payment.txnId);
    box.uartReceive(machineFrame(0x06, payment.txnId as Uint8Array, 0));
    assert.is(wallet.reply().fields.status, STATUS.OK);
  });

  testOn(scenarios, board.id, ['config'], `${board.id}: a NAK from the machine makes the receipt MACHINE_FAILED with the machine's code`, () => {
    const { box, wallet } = configuredBox(board, digital);
    const payment = vend();
    wallet.sendTelegram(KIND.PAYMENT, payment);
    box.advance(100);
    box.uartReceive(machineFrame(0x15, payment.txnId as Uint8Array, 7));
    const receipt = wallet.reply();
    assert.equal([receipt.fields.status, receipt.fields.detail], [STATUS.MACHINE_FAILED, 7]);
  });

  testOn(scenarios, board.id, ['config'], `${board.id}: a silent machine makes the receipt MACHINE_TIMEOUT once the CONFIG's timeout has passed`, () => {
    const { box, wallet } = configuredBox(board, digital);
    const from = box.now();
    wallet.sendTelegram(KIND.PAYMENT, vend());
    const receipt = wallet.reply(5000);
    assert.is(receipt.fields.status, STATUS.MACHINE_TIMEOUT);
    assert.ok(box.now() - from >= 2000, 'not before options = 2 seconds');
  });

  testOn(scenarios, board.id, ['config'], `${board.id}: the merchant counter takes any amount up to maxAmount and shows it for staff`, () => {
    const { box, wallet } = configuredBox(board, { scenario: SCENARIO.MERCHANT_COUNTER, maxAmount: 5000, outputMask: 0 });
    const from = box.now();
    assert.is(wallet.pay({ scenario: SCENARIO.MERCHANT_COUNTER, amount: 1250, units: 0 }).fields.status, STATUS.OK);
    if (board.display === 'lcd') {
      const text = box.lcd!.text().map((run) => run.text);
      for (const shown of ['PAID', '12.50', `wallet ${WALLET_ID}`]) assert.ok(text.includes(shown), `${shown} on ${JSON.stringify(text)}`);
    } else {
      box.advance(2000);
      // The LEDs cannot show an amount: staff see the paid pattern on the LED its mask names.
      const paid = LED_PATTERNS.paid;
      const led = board.leds[Math.log2(paid[0]!)]!;
      assert.equal(edges(box, led, from).filter(([, level]) => level === 1).length, paid.filter((m, i) => i % 2 === 0 && m === paid[0]).length);
    }
    for (const pin of board.pins.outputs) assert.equal(edges(box, pin, from), [], 'no output is touched');
  });
}

scenarios.run();
