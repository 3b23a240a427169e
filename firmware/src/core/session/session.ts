// The box's side of one BLE connection (docs/protocol.md, "Session"): chunks in, framing, dispatch, replies
// out through the paced outbox. Every failure is answered with an error code; nothing throws out of here.
import { concatBytes } from '../../../../shared/bytes/concat.ts';
import { LABEL, LOG_RECORD_SIZE, MAX_LOG_RECORDS, MSG, TAG_SIZE } from '../../../../shared/protocol/constants.ts';
import { ERR } from '../../../../shared/protocol/errors.ts';
import { DEFAULT_CHUNK_SIZE, Reassembler, splitMessage } from '../../../../shared/protocol/framing.ts';
import { emptyIvSlot, issueIv } from '../../../../shared/protocol/iv.ts';
import { decodeMessage, encodeMessage } from '../../../../shared/protocol/messages.ts';
import { checkTag, signTag } from '../../../../shared/protocol/tags.ts';
import type { BoxKeys, Fields } from '../../../../shared/protocol/types.ts';
import { boxFlags, errorMessage, infoMessage, type Connection } from './connection.ts';
import { createOutbox } from './outbox.ts';
import { handleTelegram } from './telegram.ts';
import type { Session, SessionOptions } from './types.ts';

/** Bit n set = message type n travels wallet → box; any other type written to the box is UNEXPECTED. */
const WALLET_TYPES = 0x555a;

function orDefault(value: number | undefined, fallback: number): number {
  return value === undefined ? fallback : value;
}

/** One session per connection: create it on connect, close() it on disconnect. */
export function createSession(options: SessionOptions): Session {
  const o = options;
  const crypto = o.crypto;
  const startMs = o.nowMs();
  const authTimeoutMs = orDefault(o.authTimeoutMs, 5000);
  const ivTtlSeconds = orDefault(o.ivTtlSeconds, 30);
  let chunkSize = orDefault(o.chunkSize, DEFAULT_CHUNK_SIZE);
  const reassembler = new Reassembler();
  const outbox = createOutbox(o.send, orDefault(o.maxQueuedChunks, 40));
  // Both drawn per connection: a ticket or a POS proof made for another link never verifies on this one.
  let boxNonce: Uint8Array | undefined;
  let logNonce: Uint8Array | undefined;
  // The link proved a credential (ticket or POS proof) in time, so the auth deadline no longer applies.
  let vouched = false;
  const c: Connection = {
    o: o,
    keys: o.keys,
    slot: emptyIvSlot(),
    authUntil: 0,
    rights: 0,
    walletId: 0,
    busy: false,
    closed: false,
    reply: function (message) {
      if (!c.closed) outbox.push(splitMessage(message, chunkSize));
    },
  };

  function fail(code: number): void {
    c.reply(errorMessage(code, 0));
  }

  function hello(keys: BoxKeys, challenge: Uint8Array): void {
    if (boxNonce === undefined) boxNonce = crypto.randomBytes(16);
    const message = encodeMessage(MSG.HELLO, {
      boxId: keys.boxId,
      flags: boxFlags(c),
      firmwareVersion: o.state.firmwareVersion,
      keyVersion: keys.keyVersion,
      counter: o.state.counter,
      clock: o.unixNow(),
      boxNonce: boxNonce,
      proof: new Uint8Array(TAG_SIZE),
    });
    c.reply(signTag(crypto, keys.macKey, LABEL.HELLO, challenge, message, 2));
  }

  function auth(keys: BoxKeys, f: Fields, bytes: Uint8Array): void {
    c.authUntil = 0;
    c.rights = 0;
    const context = boxNonce === undefined ? undefined : concatBytes([keys.boxId, boxNonce]);
    if (context === undefined || !checkTag(crypto, keys.macKey, LABEL.TICKET, context, bytes, 2)) return fail(ERR.BAD_TICKET);
    c.authUntil = o.nowMs() + (f.validSeconds as number) * 1000;
    c.rights = f.rights as number;
    c.walletId = f.walletId as number;
    vouched = true;
    c.reply(infoMessage(c));
  }

  function logRead(keys: BoxKeys, f: Fields, bytes: Uint8Array): void {
    const nonce = logNonce;
    logNonce = undefined;
    if (nonce === undefined) return fail(ERR.NO_CHALLENGE);
    if (!checkTag(crypto, keys.posKey, LABEL.POS, concatBytes([keys.boxId, nonce]), bytes, 2)) return fail(ERR.LOG_PROOF_BAD);
    vouched = true;
    const wanted = Math.min(f.count as number, MAX_LOG_RECORDS);
    const records = o.readLog(f.fromSeq as number, wanted);
    const count = Math.min(Math.floor(records.length / LOG_RECORD_SIZE), wanted);
    c.reply(encodeMessage(MSG.LOG_RECORDS, { count: count, records: records.subarray(0, count * LOG_RECORD_SIZE) }));
  }

  function handle(bytes: Uint8Array): void {
    const type = bytes[1]!;
    // A TELEGRAM goes to openTelegram undecoded: it checks in the protocol's order and consumes the IV even
    // when malformed, so a bad length must not bypass it.
    const decoded = type === MSG.TELEGRAM ? undefined : decodeMessage(bytes);
    if (decoded !== undefined && !decoded.ok) return fail(decoded.code);
    if (((WALLET_TYPES >> type) & 1) === 0) return fail(ERR.UNEXPECTED);
    const f = decoded === undefined || !decoded.ok ? {} : decoded.fields;
    if (type === MSG.INFO_REQUEST) return c.reply(infoMessage(c));
    if (type === MSG.CANCEL) {
      c.slot.iv = undefined;
      return;
    }
    const keys = c.keys;
    if (keys === undefined) return fail(ERR.NOT_ACTIVATED);
    if (type === MSG.HELLO_REQUEST) return hello(keys, f.challenge as Uint8Array);
    if (type === MSG.AUTH) return auth(keys, f, bytes);
    if (type === MSG.LOG_CHALLENGE_REQUEST) {
      logNonce = crypto.randomBytes(16);
      return c.reply(encodeMessage(MSG.LOG_CHALLENGE, { nonce: logNonce }));
    }
    if (type === MSG.LOG_READ) return logRead(keys, f, bytes);
    if (!(o.nowMs() < c.authUntil)) {
      c.slot.iv = undefined;
      return fail(ERR.NOT_AUTHENTICATED);
    }
    if (type === MSG.IV_REQUEST) {
      const iv = issueIv(crypto, c.slot, o.nowMs(), ivTtlSeconds);
      return c.reply(encodeMessage(MSG.IV, { iv: iv, ttlSeconds: ivTtlSeconds }));
    }
    handleTelegram(c, keys, bytes);
  }

  function close(): void {
    c.closed = true;
    c.slot.iv = undefined;
    c.authUntil = 0;
    boxNonce = undefined;
    logNonce = undefined;
    reassembler.reset();
    outbox.clear();
  }

  function tick(nowMs: number): void {
    if (c.closed || vouched || nowMs - startMs < authTimeoutMs) return;
    close();
    try {
      o.disconnect();
    } catch {
      // The link is forgotten either way; the board's own failure is not the session's to report.
    }
  }

  return {
    receive: function (chunk) {
      if (c.closed) return;
      try {
        const now = o.nowMs();
        tick(now);
        if (c.closed) return;
        const result = reassembler.push(chunk, now);
        if (result.state === 'error') fail(result.code);
        else if (result.state === 'message') handle(result.message);
      } catch {
        // A fault below the protocol (log read, crypto, a board callback): answered, never thrown to the radio.
        fail(ERR.MACHINE_FAULT);
      }
    },
    drain: outbox.drain,
    queued: outbox.size,
    tick: tick,
    setChunkSize: function (size) {
      if (size >= 8 && size <= 244 && size % 1 === 0) chunkSize = size;
    },
    setKeys: function (keys) {
      c.keys = keys;
    },
    close: close,
  };
}
