import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { concatBytes } from '../../../../shared/bytes/concat.ts';
import { nodeCrypto } from '../../../../shared/crypto/node.ts';
import { ERR, LABEL, MSG, RIGHT, signTag, splitMessage } from '../../../../shared/protocol/index.ts';
import { authenticate, hello, keys, logRecord, makeBox, message } from './harness.ts';

function logRead(nonce: Uint8Array, fromSeq: number, count: number, posKey = keys.posKey): Uint8Array {
  const read = message(MSG.LOG_READ, { fromSeq, count, proof: new Uint8Array(16) });
  return signTag(nodeCrypto, posKey, LABEL.POS, concatBytes([keys.boxId, nonce]), read, 2);
}

const robust = suite('createSession');

robust('answers a framing error with ERROR carrying the frame code, then accepts the next message', () => {
  const box = makeBox();
  const chunks = splitMessage(message(MSG.HELLO_REQUEST, { challenge: new Uint8Array(16) }), 8);
  box.session.receive(chunks[0]!);
  box.session.receive(chunks[2]!);
  assert.equal(box.replies, [{ type: MSG.ERROR, code: ERR.FRAME_GAP, detail: 0 }]);
  box.session.receive(new Uint8Array([0x05, 1, 2]));
  assert.is(box.replies[1]!.code, ERR.FRAME_NO_START);
  assert.is(box.ask(message(MSG.INFO_REQUEST))!.type, MSG.INFO);
});

robust('drops a link with no valid AUTH by the deadline and then ignores it', () => {
  const box = makeBox({ authTimeoutMs: 5000 });
  hello(box);
  box.now += 4999;
  box.session.tick(box.now);
  assert.is(box.disconnects, 0);
  box.now += 1;
  box.session.tick(box.now);
  assert.is(box.disconnects, 1);
  assert.is(box.ask(message(MSG.INFO_REQUEST)), undefined);
  box.session.tick(box.now + 1000);
  assert.is(box.disconnects, 1);
});

robust('enforces the deadline on an incoming chunk as well as on tick', () => {
  const box = makeBox();
  box.now += 6000;
  assert.is(box.ask(message(MSG.INFO_REQUEST)), undefined);
  assert.is(box.disconnects, 1);
});

robust('keeps a link that authenticated in time past the deadline', () => {
  const box = makeBox();
  authenticate(box, RIGHT.PAY);
  box.now += 60_000;
  box.session.tick(box.now);
  assert.is(box.disconnects, 0);
});

robust('reads the log with a good POS proof, at most 10 records, and consumes the nonce', () => {
  const asked: number[][] = [];
  const box = makeBox({
    readLog: (fromSeq, count) => {
      asked.push([fromSeq, count]);
      return concatBytes([logRecord(fromSeq), logRecord(fromSeq + 1)]);
    },
  });
  const challenge = box.ask(message(MSG.LOG_CHALLENGE_REQUEST))!;
  assert.is(challenge.type, MSG.LOG_CHALLENGE);
  const records = box.ask(logRead(challenge.nonce as Uint8Array, 7, 200))!;
  assert.is(records.type, MSG.LOG_RECORDS);
  assert.is(records.count, 2);
  assert.equal((records.records as Uint8Array).subarray(0, 48), logRecord(7));
  assert.equal(asked, [[7, 10]]);
  assert.is(box.ask(logRead(challenge.nonce as Uint8Array, 7, 1))!.code, ERR.NO_CHALLENGE);
});

robust('refuses a LOG_READ with a bad proof with LOG_PROOF_BAD, and one without a challenge with NO_CHALLENGE', () => {
  const box = makeBox({ readLog: () => logRecord(1) });
  assert.is(box.ask(logRead(new Uint8Array(16), 0, 1))!.code, ERR.NO_CHALLENGE);
  const nonce = box.ask(message(MSG.LOG_CHALLENGE_REQUEST))!.nonce as Uint8Array;
  assert.is(box.ask(logRead(nonce, 0, 1, keys.macKey))!.code, ERR.LOG_PROOF_BAD);
  assert.is(box.ask(logRead(nonce, 0, 1))!.code, ERR.NO_CHALLENGE);
});

robust('answers MACHINE_FAULT when the log read throws', () => {
  const box = makeBox({
    readLog: () => {
      throw new Error('flash read failed');
    },
  });
  const nonce = box.ask(message(MSG.LOG_CHALLENGE_REQUEST))!.nonce as Uint8Array;
  assert.is(box.ask(logRead(nonce, 0, 1))!.code, ERR.MACHINE_FAULT);
});

robust('holds chunks while the radio is full and sends them in order on drain', () => {
  let full = true;
  const sent: Uint8Array[] = [];
  const box = makeBox({ send: (chunk) => (full ? false : (sent.push(chunk), true)) });
  box.write(message(MSG.INFO_REQUEST));
  assert.is(box.session.queued(), 2);
  box.session.drain();
  assert.is(sent.length, 0);
  full = false;
  box.session.drain();
  assert.is(box.session.queued(), 0);
  assert.equal(concatBytes(sent), concatBytes(splitMessage(message(MSG.INFO, {
    boardId: 1, firmwareVersion: 0x100, configVersion: 9, battery: 80, logCount: 0, logCapacity: 500, clock: box.unix, flags: 1,
  }), 20)));
});

robust('notifies in the chunk size set after an MTU exchange', () => {
  const box = makeBox();
  box.session.setChunkSize(50);
  box.session.setChunkSize(300);
  hello(box);
  assert.is(box.chunks.length, 2);
  assert.is(box.chunks[0]!.length, 50);
});

robust('never throws on random chunks and stays usable afterwards', () => {
  const chunk = fc.oneof(
    fc.uint8Array({ minLength: 0, maxLength: 24 }),
    fc.constantFrom(...splitMessage(message(MSG.HELLO_REQUEST, { challenge: new Uint8Array(16) }), 8)),
  );
  fc.assert(
    fc.property(fc.array(fc.tuple(chunk, fc.nat(3000)), { maxLength: 30 }), (steps) => {
      const box = makeBox({ authTimeoutMs: 1_000_000 });
      for (const [bytes, wait] of steps) {
        box.now += wait;
        box.session.receive(bytes);
      }
      const count = box.replies.length;
      box.write(message(MSG.INFO_REQUEST));
      assert.is(box.replies.length, count + 1);
      assert.is(box.replies[count]!.type, MSG.INFO);
      assert.is(hello(box).type, MSG.HELLO);
    }),
    { numRuns: 300 },
  );
});

robust('forgets everything on close and answers nothing after it', () => {
  const box = makeBox();
  authenticate(box, RIGHT.PAY);
  box.session.close();
  assert.is(box.ask(message(MSG.INFO_REQUEST)), undefined);
});

robust.run();
