import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ERR, KIND, MSG, RIGHT, STATUS } from '../../../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../../../shared/protocol/keys.ts';
import { nodeCrypto } from '../../../../shared/crypto/node.ts';
import type { TelegramDone } from '../../../../firmware/src/core/session/index.ts';
import { UNIX, authenticate, keys, makeBox, message, okMachine, paymentFields, requestIv, seal } from './harness.ts';

function paidBox(rights: number = RIGHT.PAY) {
  const box = makeBox();
  box.machine = okMachine(box);
  authenticate(box, rights);
  return box;
}

const telegram = suite('createSession');

telegram('refuses a second telegram under the same IV with NO_IV', () => {
  const box = paidBox();
  const iv = requestIv(box);
  assert.is(box.ask(seal(iv))!.status, STATUS.OK);
  assert.equal(box.ask(seal(iv)), { type: MSG.ERROR, code: ERR.NO_IV, detail: 0 });
  assert.is(box.calls.length, 1);
});

telegram('refuses, without running the machine, a payment sealed for another wallet app than the ticket names', () => {
  const box = paidBox();
  const iv = requestIv(box);
  const fields = paymentFields();
  fields.walletId = 43;
  const receipt = box.ask(seal(iv, KIND.PAYMENT, fields))!;
  assert.is(receipt.status, STATUS.REFUSED);
  assert.is(receipt.detail, ERR.NOT_PERMITTED);
  assert.is(box.calls.length, 0);
});

telegram('refuses a telegram after the IV lifetime with IV_EXPIRED', () => {
  const box = paidBox();
  const iv = requestIv(box);
  box.now += 30_000;
  assert.is(box.ask(seal(iv))!.code, ERR.IV_EXPIRED);
});

telegram('refuses a telegram sealed for another box with WRONG_BOX', () => {
  const box = paidBox();
  const other = deriveBoxKeys(nodeCrypto.randomBytes(32), nodeCrypto.randomBytes(8), keys.keyVersion);
  assert.is(box.ask(seal(requestIv(box), KIND.PAYMENT, paymentFields(), other))!.code, ERR.WRONG_BOX);
});

telegram('refuses a telegram with one flipped ciphertext bit with BAD_MAC and consumes the IV', () => {
  const box = paidBox();
  const iv = requestIv(box);
  const sealed = seal(iv);
  sealed[20]! ^= 0x04;
  assert.is(box.ask(sealed)!.code, ERR.BAD_MAC);
  assert.is(box.ask(seal(iv))!.code, ERR.NO_IV);
  assert.is(box.calls.length, 0);
});

telegram('consumes the IV on a telegram of the wrong length too', () => {
  const box = paidBox();
  const iv = requestIv(box);
  assert.is(box.ask(seal(iv).subarray(0, 40))!.code, ERR.BAD_LENGTH);
  assert.is(box.ask(seal(iv))!.code, ERR.NO_IV);
});

telegram('answers a MACed REFUSED receipt with detail NOT_PERMITTED when the rights do not cover the kind', () => {
  const box = paidBox(RIGHT.UNLOCK);
  const fields = paymentFields();
  const receipt = box.ask(seal(requestIv(box), KIND.PAYMENT, fields))!;
  assert.is(receipt.type, MSG.RECEIPT);
  assert.is(receipt.status, STATUS.REFUSED);
  assert.is(receipt.detail, ERR.NOT_PERMITTED);
  assert.equal(receipt.txnId, fields.txnId);
  assert.is(box.calls.length, 0);
});

telegram('needs MANAGE for a clock telegram', () => {
  const box = paidBox(RIGHT.PAY);
  const clock = { txnId: new Uint8Array(8).fill(9), issuedAt: UNIX, expiresAt: 0, time: UNIX };
  assert.is(box.ask(seal(requestIv(box), KIND.CLOCK, clock))!.detail, ERR.NOT_PERMITTED);
  const manager = paidBox(RIGHT.MANAGE);
  assert.is(manager.ask(seal(requestIv(manager), KIND.CLOCK, clock))!.status, STATUS.OK);
});

telegram('answers a txnId already in the log with the stored result as DUPLICATE, without running the machine again', () => {
  const box = paidBox();
  const fields = paymentFields();
  const first = box.ask(seal(requestIv(box), KIND.PAYMENT, fields))!;
  box.unix += 30;
  const again = box.ask(seal(requestIv(box), KIND.PAYMENT, fields))!;
  assert.is(again.status, STATUS.DUPLICATE);
  assert.is(again.detail, STATUS.OK);
  assert.is(again.logSeq, first.logSeq);
  assert.is(again.time, first.time);
  assert.is(box.calls.length, 1);
});

telegram('answers a MACHINE_FAILED receipt with detail MACHINE_FAULT when the machine callback throws', () => {
  const box = paidBox();
  box.machine = () => {
    throw new Error('output driver failed');
  };
  const receipt = box.ask(seal(requestIv(box)))!;
  assert.is(receipt.status, STATUS.MACHINE_FAILED);
  assert.is(receipt.detail, ERR.MACHINE_FAULT);
  const next = box.ask(seal(requestIv(box)))!;
  assert.is(next.type, MSG.RECEIPT, 'the session stays usable');
});

telegram('sends the receipt when the machine answers later, and BUSY to a telegram meanwhile', () => {
  const box = paidBox();
  let pending: TelegramDone | undefined;
  box.machine = (_k, _f, done) => void (pending = done);
  assert.is(box.ask(seal(requestIv(box))), undefined);
  assert.is(box.ask(seal(requestIv(box)))!.code, ERR.BUSY);
  box.state.counter = 77;
  pending!(STATUS.MACHINE_TIMEOUT, 3, 12);
  pending!(STATUS.OK, 0, 13);
  assert.is(box.replies.length, 6, 'one receipt only');
  const receipt = box.replies[5]!;
  assert.is(receipt.status, STATUS.MACHINE_TIMEOUT);
  assert.is(receipt.detail, 3);
  assert.is(receipt.logSeq, 12);
  assert.is(receipt.counter, 77);
});

telegram('drops the outstanding IV on CANCEL without a reply', () => {
  const box = paidBox();
  const iv = requestIv(box);
  assert.is(box.ask(message(MSG.CANCEL, { txnId: new Uint8Array(8) })), undefined);
  assert.is(box.ask(seal(iv))!.code, ERR.NO_IV);
});

telegram('signs the receipt of a key rotation under the keys the telegram arrived with', () => {
  const box = paidBox(RIGHT.MANAGE);
  const next = deriveBoxKeys(nodeCrypto.randomBytes(32), keys.boxId, keys.keyVersion + 1);
  box.machine = (_k, f, done) => {
    box.session.setKeys(Object.assign({}, next, { keyVersion: f.keyVersion as number }));
    done(STATUS.OK, 0, 1);
  };
  const rotation = {
    txnId: new Uint8Array(8).fill(5), issuedAt: UNIX, expiresAt: 0, keyVersion: next.keyVersion,
    encKey: next.encKey, macKey: next.macKey, posKey: next.posKey,
  };
  const receipt = box.ask(seal(requestIv(box), KIND.KEY_ROTATION, rotation))!;
  assert.is(receipt.status, STATUS.OK);
  assert.is(box.ask(seal(requestIv(box)))!.code, ERR.WRONG_KEY_VERSION, 'old keys no longer open telegrams');
});

telegram.run();
