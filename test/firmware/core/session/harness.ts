// A box session wired to fakes, plus the wallet and cloud sides of the protocol, for the session tests.
import { concatBytes } from '../../../../shared/bytes/concat.ts';
import { toHex } from '../../../../shared/bytes/hex.ts';
import { nodeCrypto } from '../../../../shared/crypto/node.ts';
import {
  KIND, LABEL, LOG_RECORD_LAYOUT, MSG, Reassembler, decodeMessage, encodeFields, encodeMessage, sealTelegram, signTag,
  splitMessage,
} from '../../../../shared/protocol/index.ts';
import type { BoxKeys, Fields } from '../../../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../../../shared/protocol/keys.ts';
import { createSession } from '../../../../firmware/src/core/session/index.ts';
import type { BoxState, Session, SessionOptions, TelegramDone, TxnRecord } from '../../../../firmware/src/core/session/index.ts';

export const keys: BoxKeys = deriveBoxKeys(nodeCrypto.randomBytes(32), nodeCrypto.randomBytes(8), 2);
export const UNIX = 1_800_000_000;

export interface Reply extends Fields {
  type: number;
}

export interface Machine {
  (kind: number, fields: Fields, done: TelegramDone): void;
}

/** Runs the machine at once: counter + 1, a log record, status OK. */
export function okMachine(box: Box): Machine {
  return (_kind, fields, done) => {
    box.state.counter++;
    const seq = box.state.logCount++;
    box.log.set(toHex(fields.txnId as Uint8Array), { seq, time: UNIX, result: 0 });
    done(0, 0, seq);
  };
}

export interface Box {
  session: Session;
  state: BoxState;
  log: Map<string, TxnRecord>;
  /** Every reply the wallet reassembled, in order. */
  replies: Reply[];
  calls: { kind: number; fields: Fields }[];
  chunks: Uint8Array[];
  disconnects: number;
  machine: Machine;
  now: number;
  unix: number;
  write(message: Uint8Array, chunkSize?: number): void;
  /** Writes `message` and returns the one reply it produced (undefined when none). */
  ask(message: Uint8Array): Reply | undefined;
}

export function makeBox(overrides: Partial<SessionOptions> = {}): Box {
  const wallet = new Reassembler();
  const box: Box = {
    session: undefined as unknown as Session,
    state: { boardId: 1, firmwareVersion: 0x0100, counter: 5, flags: 1, configVersion: 9, battery: 80, logCount: 0, logCapacity: 500 },
    log: new Map(),
    replies: [],
    calls: [],
    chunks: [],
    disconnects: 0,
    machine: (_k, _f, done) => done(0, 0, 0),
    now: 10_000,
    unix: UNIX,
    write(message, chunkSize = 20) {
      for (const chunk of splitMessage(message, chunkSize)) box.session.receive(chunk);
    },
    ask(message) {
      const before = box.replies.length;
      box.write(message);
      if (box.replies.length > before + 1) throw new Error('more than one reply');
      return box.replies[before];
    },
  };
  const options: SessionOptions = {
    crypto: nodeCrypto,
    keys,
    state: box.state,
    nowMs: () => box.now,
    unixNow: () => box.unix,
    send(chunk) {
      box.chunks.push(chunk);
      const result = wallet.push(chunk, box.now);
      if (result.state === 'error') throw new Error('wallet cannot reassemble: ' + result.code);
      if (result.state === 'message') {
        const decoded = decodeMessage(result.message);
        if (!decoded.ok) throw new Error('box sent an undecodable message');
        box.replies.push(Object.assign({ type: decoded.type }, decoded.fields));
      }
      return true;
    },
    disconnect: () => void box.disconnects++,
    onTelegram(kind, fields, done) {
      box.calls.push({ kind, fields });
      box.machine(kind, fields, done);
    },
    findReceipt: (txnId) => box.log.get(toHex(txnId)),
    readLog: () => new Uint8Array(0),
  };
  box.session = createSession(Object.assign(options, overrides));
  return box;
}

export function message(type: number, fields: Fields = {}): Uint8Array {
  return encodeMessage(type, fields);
}

/** The cloud's ticket for the HELLO this box sent on its connection. */
export function ticketFor(hello: Reply, rights: number, validSeconds = 60, k: BoxKeys = keys): Uint8Array {
  const auth = message(MSG.AUTH, { walletId: 42, rights, validSeconds, ticket: new Uint8Array(16) });
  return signTag(nodeCrypto, k.macKey, LABEL.TICKET, concatBytes([k.boxId, hello.boxNonce as Uint8Array]), auth, 2);
}

export function hello(box: Box): Reply {
  const reply = box.ask(message(MSG.HELLO_REQUEST, { challenge: nodeCrypto.randomBytes(16) }));
  if (reply === undefined || reply.type !== MSG.HELLO) throw new Error('no HELLO');
  return reply;
}

/** HELLO, then the cloud's AUTH: leaves the box authenticated with `rights`. */
export function authenticate(box: Box, rights: number, validSeconds = 60): Reply {
  const reply = box.ask(ticketFor(hello(box), rights, validSeconds));
  if (reply === undefined || reply.type !== MSG.INFO) throw new Error('AUTH refused');
  return reply;
}

export function requestIv(box: Box): Uint8Array {
  const reply = box.ask(message(MSG.IV_REQUEST));
  if (reply === undefined || reply.type !== MSG.IV) throw new Error('no IV');
  return reply.iv as Uint8Array;
}

let nextTxn = 1;

export function paymentFields(txnId?: Uint8Array): Fields {
  const id = txnId ?? new Uint8Array([0, 0, 0, 0, 0, 0, 0, nextTxn++]);
  return {
    txnId: id, issuedAt: UNIX - 10, expiresAt: UNIX + 60, walletId: 42, amount: 300, currency: 392,
    scenario: 2, outputIndex: 0, units: 1, sku: 0,
  };
}

export function seal(iv: Uint8Array, kind: number = KIND.PAYMENT, fields: Fields = paymentFields(), k: BoxKeys = keys): Uint8Array {
  return sealTelegram(nodeCrypto, k, iv, kind, fields);
}

/** A log record as the box's log would store it (MACed with macKey). */
export function logRecord(seq: number): Uint8Array {
  const record = encodeFields(LOG_RECORD_LAYOUT, {
    seq, time: UNIX, txnId: new Uint8Array(8).fill(seq), walletId: 42, amount: 100, currency: 392, scenario: 2, result: 0,
    mac: new Uint8Array(16),
  });
  return signTag(nodeCrypto, keys.macKey, LABEL.LOG, keys.boxId, record, 0);
}
