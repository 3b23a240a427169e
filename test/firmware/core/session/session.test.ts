import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { concatBytes } from '../../../../shared/bytes/concat.ts';
import { nodeCrypto } from '../../../../shared/crypto/node.ts';
import { ERR, FLAG, KIND, LABEL, MSG, RIGHT, STATUS, checkTag, encodeMessage } from '../../../../shared/protocol/index.ts';
import {
  UNIX, authenticate, hello, keys, makeBox, message, okMachine, paymentFields, requestIv, seal, ticketFor, type Reply,
} from './harness.ts';

function bytesOf(reply: Reply): Uint8Array {
  const fields = Object.assign({}, reply) as Record<string, unknown>;
  delete fields.type;
  return encodeMessage(reply.type, fields as Reply);
}

const session = suite('createSession');

session('runs HELLO, AUTH, IV and TELEGRAM through 20-byte chunks to a MACed OK receipt', () => {
  const box = makeBox();
  box.machine = okMachine(box);
  const challenge = nodeCrypto.randomBytes(16);
  const helloReply = box.ask(message(MSG.HELLO_REQUEST, { challenge }))!;
  assert.is(helloReply.type, MSG.HELLO);
  assert.equal(helloReply.boxId, keys.boxId);
  assert.is(helloReply.keyVersion, keys.keyVersion);
  assert.is(helloReply.counter, 5);
  assert.is(helloReply.clock, UNIX);
  assert.ok(checkTag(nodeCrypto, keys.macKey, LABEL.HELLO, challenge, bytesOf(helloReply), 2), 'HELLO proof verifies');

  const info = box.ask(ticketFor(helloReply, RIGHT.PAY))!;
  assert.is(info.type, MSG.INFO);
  assert.is(info.configVersion, 9);

  const ivReply = box.ask(message(MSG.IV_REQUEST))!;
  assert.is(ivReply.type, MSG.IV);
  assert.is(ivReply.ttlSeconds, 30);
  const fields = paymentFields();
  const receipt = box.ask(seal(ivReply.iv as Uint8Array, KIND.PAYMENT, fields))!;
  assert.is(receipt.type, MSG.RECEIPT);
  assert.is(receipt.status, STATUS.OK);
  assert.equal(receipt.txnId, fields.txnId);
  assert.equal(receipt.boxId, keys.boxId);
  assert.is(receipt.counter, 6);
  assert.is(receipt.logSeq, 0);
  assert.is(receipt.time, UNIX);
  assert.ok(checkTag(nodeCrypto, keys.macKey, LABEL.RECEIPT, new Uint8Array(0), bytesOf(receipt), 2), 'receipt MAC verifies');
  assert.is(box.calls.length, 1);
  assert.is(box.calls[0]!.kind, KIND.PAYMENT);
  assert.is(box.calls[0]!.fields.amount, 300);
  assert.ok(box.chunks.every((c) => c.length <= 20), 'every notification fits 20 bytes');
});

session('draws a fresh boxNonce per connection and keeps it for the connection', () => {
  const a = makeBox();
  const b = makeBox();
  const first = hello(a);
  assert.equal(hello(a).boxNonce, first.boxNonce);
  assert.not.equal(hello(b).boxNonce, first.boxNonce);
});

session('answers INFO without AUTH, with the clock-unset flag while the wall clock is 0', () => {
  const box = makeBox();
  box.unix = 0;
  const info = box.ask(message(MSG.INFO_REQUEST))!;
  assert.is(info.type, MSG.INFO);
  assert.is(info.flags, FLAG.ACTIVATED | FLAG.CLOCK_UNSET);
  assert.is(info.logCapacity, 500);
});

session('sets IV_OUTSTANDING in INFO while an IV is outstanding', () => {
  const box = makeBox();
  authenticate(box, RIGHT.PAY);
  requestIv(box);
  assert.is((box.ask(message(MSG.INFO_REQUEST))!.flags as number) & FLAG.IV_OUTSTANDING, FLAG.IV_OUTSTANDING);
});

session('refuses IV_REQUEST and TELEGRAM without AUTH with NOT_AUTHENTICATED', () => {
  const box = makeBox();
  assert.equal(box.ask(message(MSG.IV_REQUEST)), { type: MSG.ERROR, code: ERR.NOT_AUTHENTICATED, detail: 0 });
  assert.is(box.ask(seal(new Uint8Array(16)))!.code, ERR.NOT_AUTHENTICATED);
  assert.is(box.calls.length, 0);
});

session('refuses a ticket with a wrong tag with BAD_TICKET', () => {
  const box = makeBox();
  const auth = ticketFor(hello(box), RIGHT.PAY);
  auth[auth.length - 1]! ^= 1;
  assert.equal(box.ask(auth), { type: MSG.ERROR, code: ERR.BAD_TICKET, detail: 0 });
  assert.is(box.ask(message(MSG.IV_REQUEST))!.code, ERR.NOT_AUTHENTICATED);
});

session('refuses AUTH before any HELLO with BAD_TICKET', () => {
  const box = makeBox();
  const fake = { type: MSG.HELLO, boxNonce: new Uint8Array(16) } as Reply;
  assert.is(box.ask(ticketFor(fake, RIGHT.PAY))!.code, ERR.BAD_TICKET);
});

session("refuses a ticket made for another connection's boxNonce", () => {
  const a = makeBox();
  const b = makeBox();
  hello(b);
  assert.is(b.ask(ticketFor(hello(a), RIGHT.PAY))!.code, ERR.BAD_TICKET);
});

session('ends AUTH after validSeconds on the monotonic clock', () => {
  const box = makeBox();
  authenticate(box, RIGHT.PAY, 10);
  box.now += 9_999;
  assert.is(box.ask(message(MSG.IV_REQUEST))!.type, MSG.IV);
  box.now += 1;
  assert.is(box.ask(message(MSG.IV_REQUEST))!.code, ERR.NOT_AUTHENTICATED);
});

session('answers NOT_ACTIVATED to what needs keys while not provisioned, and INFO still', () => {
  const box = makeBox({ keys: undefined });
  assert.is(box.ask(message(MSG.HELLO_REQUEST, { challenge: new Uint8Array(16) }))!.code, ERR.NOT_ACTIVATED);
  assert.is(box.ask(message(MSG.IV_REQUEST))!.code, ERR.NOT_ACTIVATED);
  assert.is(box.ask(message(MSG.LOG_CHALLENGE_REQUEST))!.code, ERR.NOT_ACTIVATED);
  assert.is(box.ask(seal(new Uint8Array(16)))!.code, ERR.NOT_ACTIVATED);
  assert.is(box.ask(message(MSG.INFO_REQUEST))!.type, MSG.INFO);
});

session('uses keys set after creation (provisioning)', () => {
  const box = makeBox({ keys: undefined });
  box.session.setKeys(keys);
  assert.is(hello(box).type, MSG.HELLO);
});

session('answers a box-to-wallet message written to the box with UNEXPECTED', () => {
  const box = makeBox();
  assert.is(box.ask(message(MSG.ERROR, { code: 1, detail: 0 }))!.code, ERR.UNEXPECTED);
  assert.is(box.ask(message(MSG.IV, { iv: new Uint8Array(16), ttlSeconds: 1 }))!.code, ERR.UNEXPECTED);
});

session('answers a message of the wrong length or version with its decode code', () => {
  const box = makeBox();
  assert.is(box.ask(new Uint8Array([1, MSG.INFO_REQUEST, 0]))!.code, ERR.BAD_LENGTH);
  assert.is(box.ask(new Uint8Array([2, MSG.INFO_REQUEST]))!.code, ERR.BAD_VERSION);
  assert.is(box.ask(new Uint8Array([1, 0x30]))!.code, ERR.UNKNOWN_TYPE);
  assert.is(box.ask(new Uint8Array([1]))!.code, ERR.BAD_LENGTH);
});

session('binds the ticket context to boxId and boxNonce', () => {
  const box = makeBox();
  const reply = hello(box);
  const auth = message(MSG.AUTH, { walletId: 1, rights: RIGHT.PAY, validSeconds: 60, ticket: new Uint8Array(16) });
  const context = concatBytes([new Uint8Array(8), reply.boxNonce as Uint8Array]);
  const forged = encodeMessage(MSG.AUTH, { walletId: 1, rights: RIGHT.PAY, validSeconds: 60, ticket: new Uint8Array(16) });
  forged.set(nodeCrypto.hmacSha256(keys.macKey, concatBytes([new TextEncoder().encode(LABEL.TICKET), context, auth.subarray(2, 9)])).subarray(0, 16), 9);
  assert.is(box.ask(forged)!.code, ERR.BAD_TICKET);
});

session.run();
