import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import {
  ACK_KIND, ERR, FLAG, KIND, MSG, SCENARIO, STATUS, encodeMessage, sealTelegram,
} from '../../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../../shared/protocol/keys.ts';
import { boards } from '../../../tools/build/index.ts';
import {
  CURRENCY, UNIX, Wallet, bootBox, configuredBox, edges, newKeys, nextTxnId, paymentFields, receiptVerifies,
} from './harness.ts';
import { testOn } from './known-bugs.ts';

// The protocol's refusals, driven through each board's BUILT bundle: what fails to open is an ERROR, what the
// machine refuses is a MACed RECEIPT, and nothing refused moves an output or the counter.

const errors = suite('protocol errors end to end');

const clockFields = () => ({ txnId: nextTxnId(), issuedAt: UNIX, expiresAt: 0, time: UNIX });
const info = (wallet: Wallet) => wallet.request(encodeMessage(MSG.INFO_REQUEST, {})).fields;

for (const board of boards) {
  const fresh = () => {
    const keys = newKeys(3);
    const { box } = bootBox(board, keys);
    return { box, keys, wallet: new Wallet(box, keys) };
  };

  errors(`${board.id}: without AUTH an IV request and a telegram are answered NOT_AUTHENTICATED`, () => {
    const { wallet } = fresh();
    wallet.hello();
    assert.equal(wallet.request(encodeMessage(MSG.IV_REQUEST, {})).fields.code, ERR.NOT_AUTHENTICATED);
    assert.equal(wallet.request(new Uint8Array([1, MSG.TELEGRAM, 1, KIND.CLOCK])).fields.code, ERR.NOT_AUTHENTICATED);
  });

  errors(`${board.id}: a ticket not signed with the box's macKey is BAD_TICKET and grants nothing`, () => {
    const { wallet } = fresh();
    wallet.hello();
    assert.is(wallet.auth(undefined, undefined, nodeCrypto.randomBytes(32)).fields.code, ERR.BAD_TICKET);
    assert.is(wallet.request(encodeMessage(MSG.IV_REQUEST, {})).fields.code, ERR.NOT_AUTHENTICATED);
  });

  errors(`${board.id}: a telegram sent again under its used IV is NO_IV and not executed twice`, () => {
    const { box, wallet } = fresh();
    wallet.open();
    const counter = wallet.hello().fields.counter as number;
    let sent = new Uint8Array(0);
    assert.is(wallet.telegram(KIND.CLOCK, clockFields(), (t) => void (sent = t.slice())).fields.status, STATUS.OK);
    const again = wallet.request(sent);
    assert.equal([again.type, again.fields.code], [MSG.ERROR, ERR.NO_IV]);
    assert.is(wallet.hello().fields.counter, counter + 1, 'counted once');
    assert.equal(box.errors, []);
  });

  errors(`${board.id}: a telegram sealed for another box is WRONG_BOX`, () => {
    const { wallet, keys } = fresh();
    wallet.open();
    const other = deriveBoxKeys(nodeCrypto.randomBytes(32), new Uint8Array(8).fill(9), keys.keyVersion);
    assert.is(wallet.telegram(KIND.CLOCK, clockFields(), undefined, other).fields.code, ERR.WRONG_BOX);
  });

  errors(`${board.id}: one flipped ciphertext bit is BAD_MAC, leaves the clock unset and consumes the IV`, () => {
    const { wallet } = fresh();
    wallet.open();
    const reply = wallet.telegram(KIND.CLOCK, clockFields(), (t) => void (t[20]! ^= 0x01));
    assert.equal([reply.type, reply.fields.code], [MSG.ERROR, ERR.BAD_MAC]);
    assert.is(info(wallet).clock, 0);
    assert.is((info(wallet).flags as number) & FLAG.IV_OUTSTANDING, 0, "the IV was consumed");
  });

  errors(`${board.id}: a CANCEL message drops the outstanding IV so the telegram sealed for it finds NO_IV`, () => {
    const { wallet, keys } = fresh();
    wallet.open();
    const iv = wallet.iv();
    wallet.send(encodeMessage(MSG.CANCEL, { txnId: nextTxnId() }));
    const telegram = wallet.request(sealTelegram(nodeCrypto, keys, iv, KIND.CLOCK, clockFields()));
    assert.is(telegram.fields.code, ERR.NO_IV);
  });

  const pbt = { scenario: SCENARIO.PAY_BY_TIME, unitPrice: 100, unitSeconds: 60, maxAmount: 500 };

  testOn(errors, board.id, ['config'], `${board.id}: a payment above maxAmount is a MACed REFUSED AMOUNT_OVER_LIMIT receipt and drives nothing`, () => {
    const { box, wallet, keys } = configuredBox(board, pbt);
    const from = box.now();
    const receipt = wallet.pay({ scenario: SCENARIO.PAY_BY_TIME, amount: 600, units: 6 });
    assert.equal([receipt.fields.status, receipt.fields.detail], [STATUS.REFUSED, ERR.AMOUNT_OVER_LIMIT]);
    assert.ok(receiptVerifies(keys, receipt));
    box.advance(1000);
    assert.equal(edges(box, board.pins.outputs[0]!, from), []);
  });

  testOn(errors, board.id, ['config'], `${board.id}: a payment for another scenario is REFUSED SCENARIO_MISMATCH and not counted`, () => {
    const { wallet } = configuredBox(board, pbt);
    const before = info(wallet);
    const receipt = wallet.pay({ scenario: SCENARIO.PAY_BY_COUNT, amount: 100, units: 1 });
    assert.equal([receipt.fields.status, receipt.fields.detail], [STATUS.REFUSED, ERR.SCENARIO_MISMATCH]);
    assert.is(info(wallet).logCount, before.logCount);
  });

  testOn(errors, board.id, ['config'], `${board.id}: a machine holding its busy input shows BUSY in HELLO and refuses payment until it lets go`, () => {
    const { box, wallet, keys } = configuredBox(board, { ...pbt, inputRoles: 0x04 });
    box.setInput(board.pins.inputs[0]!, 1);
    box.advance(100);
    const refused = wallet.pay({ scenario: SCENARIO.PAY_BY_TIME, amount: 100, units: 1 });
    assert.equal([refused.fields.status, refused.fields.detail], [STATUS.REFUSED, ERR.BUSY]);
    wallet.close();
    const next = new Wallet(box, keys);
    assert.ok((next.hello().fields.flags as number) & FLAG.BUSY);
    next.auth();
    box.setInput(board.pins.inputs[0]!, 0);
    box.advance(100);
    assert.is(next.pay({ scenario: SCENARIO.PAY_BY_TIME, amount: 100, units: 1 }).fields.status, STATUS.OK);
  });

  testOn(errors, board.id, ['config'], `${board.id}: a payment resealed with the same txnId gets DUPLICATE with the stored result and pulses once`, () => {
    const { box, wallet } = configuredBox(board, { scenario: SCENARIO.PAY_BY_COUNT, unitPrice: 50, pulseMs: 40, gapMs: 60, pulsesPerUnit: 1 });
    const payment = paymentFields({ scenario: SCENARIO.PAY_BY_COUNT, amount: 100, units: 2 });
    const from = box.now();
    const first = wallet.telegram(KIND.PAYMENT, payment);
    box.advance(1000);
    const second = wallet.telegram(KIND.PAYMENT, payment);
    assert.equal([second.fields.status, second.fields.detail, second.fields.logSeq], [STATUS.DUPLICATE, STATUS.OK, first.fields.logSeq]);
    box.advance(1000);
    assert.is(edges(box, board.pins.outputs[0]!, from).filter(([, level]) => level === 1).length, 2);
  });

  testOn(errors, board.id, [], `${board.id}: a refund acknowledgement resealed with the same txnId gets DUPLICATE and is not counted again`, () => {
    const { wallet } = fresh();
    wallet.open();
    const ack = { txnId: nextTxnId(), issuedAt: UNIX, expiresAt: 0, originalTxnId: nextTxnId(), amount: 100, currency: CURRENCY, ackKind: ACK_KIND.REFUND };
    const first = wallet.telegram(KIND.REFUND_ACK, ack);
    const count = info(wallet).logCount;
    const second = wallet.telegram(KIND.REFUND_ACK, ack);
    assert.equal([second.fields.status, second.fields.logSeq, second.fields.counter], [STATUS.DUPLICATE, first.fields.logSeq, first.fields.counter]);
    assert.is(info(wallet).logCount, count);
  });

  testOn(errors, board.id, ['config'], `${board.id}: a CANCEL telegram ends a paid window at once as CANCELLED, and an unknown txnId is UNKNOWN_TXN`, () => {
    const { box, wallet } = configuredBox(board, pbt);
    const payment = paymentFields({ scenario: SCENARIO.PAY_BY_TIME, amount: 300, units: 3 });
    const from = box.now();
    wallet.telegram(KIND.PAYMENT, payment);
    box.advance(5000);
    const cancel = (cancelTxnId: Uint8Array) => wallet.telegram(KIND.CANCEL, { txnId: nextTxnId(), issuedAt: UNIX, expiresAt: 0, cancelTxnId });
    assert.is(cancel(payment.txnId as Uint8Array).fields.status, STATUS.CANCELLED);
    const out = board.pins.outputs[0]!;
    assert.equal(edges(box, out, from).map(([, level]) => level), [1, 0]);
    assert.ok(edges(box, out, from)[1]![0] < 6000, 'inactive when the CANCEL arrived, not at the paid end');
    const unknown = cancel(nextTxnId());
    assert.equal([unknown.fields.status, unknown.fields.detail], [STATUS.REFUSED, ERR.UNKNOWN_TXN]);
  });
}

errors.run();
