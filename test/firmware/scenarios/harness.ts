// A box as it leaves provisioning (its BUILT bundle as .bootcde, its derived keys) running in the simulated
// Espruino, and a wallet + cloud that talk to it only through the wire protocol: HELLO → AUTH → IV → TELEGRAM.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { concatBytes, crc16 } from '../../../shared/bytes/index.ts';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import {
  KIND, LABEL, LOG_RECORD_SIZE, MSG, RIGHT, Reassembler, checkTag, decodeFields, decodeMessage, encodeKeyFile, encodeMessage,
  sealTelegram, signTag, splitMessage, LOG_RECORD_LAYOUT,
} from '../../../shared/protocol/index.ts';
import type { BoxKeys, Fields } from '../../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../../shared/protocol/keys.ts';
import type { BoardData } from '../../../firmware/src/core/board.ts';
import { createSimulatedBox, type Link, type SimulatedBox } from '../../../tools/simulator/index.ts';
import { EspruinoStorage, Flash } from '../../../tools/simulator/storage.ts';

export const UNIX = 1_800_000_000;
export const CURRENCY = 978;
export const WALLET_ID = 4242;
export const ALL_RIGHTS = RIGHT.MANAGE | RIGHT.PAY | RIGHT.UNLOCK;

export interface Reply {
  type: number;
  fields: Fields;
}

/** Storage as provisioning leaves it: the pretokenised bundle as .bootcde (so the log gets what a real box has left) and the key file. */
export function provisionedFlash(board: BoardData, keys: BoxKeys): Flash {
  const storage = new EspruinoStorage(new Flash({ size: board.storageBytes }));
  storage.write('.bootcde', new Uint8Array(readFileSync(join('build', board.id, 'firmware.min.js'))));
  storage.write('waygo.keys', encodeKeyFile(keys));
  return storage.flash;
}

export function newKeys(seed: number): BoxKeys {
  const boxId = new Uint8Array(8).fill(seed & 0xff);
  return deriveBoxKeys(nodeCrypto.randomBytes(32), boxId, 1);
}

/** Boots `board`'s built firmware.js over `flash` or a given Storage (a fresh provisioned one by default). */
export function bootBox(board: BoardData, keys: BoxKeys, flash?: Flash | EspruinoStorage, seed = 1): { box: SimulatedBox; storage: EspruinoStorage } {
  const storage = flash instanceof EspruinoStorage ? flash : new EspruinoStorage(flash ?? provisionedFlash(board, keys));
  const box = createSimulatedBox({ board, bundlePath: join('build', board.id, 'firmware.js'), storage, seed });
  return { box, storage };
}

let txnCounter = 0;
/** A fresh cloud-chosen txnId (unique within the test process). */
export function nextTxnId(): Uint8Array {
  txnCounter++;
  const id = new Uint8Array(8);
  new DataView(id.buffer).setUint32(4, txnCounter);
  id[0] = 0x7a;
  return id;
}

const CONFIG_DEFAULTS: Fields = {
  configVersion: 1, scenario: 0, outputMask: 1, activeLevels: 1, inputRoles: 0, pulseMs: 0, gapMs: 0, pulsesPerUnit: 0,
  rssiMin: 0, unitSeconds: 0, unitPrice: 0, currency: CURRENCY, maxAmount: 100_000, uartBaud: 0, uartFraming: 0, options: 0,
};

export function configFields(fields: Fields): Fields {
  return { txnId: nextTxnId(), issuedAt: UNIX, expiresAt: 0, ...CONFIG_DEFAULTS, ...fields };
}

export function paymentFields(fields: Fields): Fields {
  return {
    txnId: nextTxnId(), issuedAt: UNIX, expiresAt: 0, walletId: WALLET_ID, amount: 0, currency: CURRENCY, scenario: 0,
    outputIndex: 0, units: 1, sku: 0, ...fields,
  };
}

/** One wallet connection; the cloud's side (tickets, sealing) uses the box's keys. */
export class Wallet {
  readonly link: Link;
  private read = 0;
  private readonly reassembler = new Reassembler();
  boxNonce: Uint8Array | undefined;

  constructor(readonly box: SimulatedBox, readonly keys: BoxKeys) {
    this.link = box.connect();
  }

  send(message: Uint8Array): void {
    for (const chunk of splitMessage(message, this.link.mtu - 3)) this.link.write(chunk);
  }

  /** Lets virtual time run in 50 ms steps until a reply reassembles; undefined when none comes within `waitMs`. */
  poll(waitMs = 3000): Reply | undefined {
    for (let waited = 0; ; waited += 50) {
      while (this.read < this.link.notifications.length) {
        const pushed = this.reassembler.push(this.link.notifications[this.read++]!, this.box.now());
        if (pushed.state === 'message') {
          const decoded = decodeMessage(pushed.message);
          if (!decoded.ok) throw new Error(`undecodable reply (code ${decoded.code})`);
          return { type: decoded.type, fields: decoded.fields };
        }
      }
      if (waited >= waitMs || !this.link.connected) return undefined;
      this.box.advance(50);
    }
  }

  reply(waitMs?: number): Reply {
    const got = this.poll(waitMs);
    if (got === undefined) throw new Error('no reply from the box');
    return got;
  }

  request(message: Uint8Array): Reply {
    this.send(message);
    return this.reply();
  }

  hello(): Reply {
    const hello = this.request(encodeMessage(MSG.HELLO_REQUEST, { challenge: nodeCrypto.randomBytes(16) }));
    this.boxNonce = hello.fields.boxNonce as Uint8Array;
    return hello;
  }

  /** The cloud's ticket for this connection's boxNonce (a `forge` key signs it wrongly). */
  auth(rights = ALL_RIGHTS, walletId = WALLET_ID, macKey = this.keys.macKey): Reply {
    const context = concatBytes([this.keys.boxId, this.boxNonce!]);
    const message = encodeMessage(MSG.AUTH, { walletId, rights, validSeconds: 300, ticket: new Uint8Array(16) });
    return this.request(signTag(nodeCrypto, macKey, LABEL.TICKET, context, message, 2));
  }

  /** HELLO then AUTH: the start of every wallet visit. */
  open(rights = ALL_RIGHTS, walletId = WALLET_ID): this {
    this.hello();
    this.auth(rights, walletId);
    return this;
  }

  iv(): Uint8Array {
    return this.request(encodeMessage(MSG.IV_REQUEST, {})).fields.iv as Uint8Array;
  }

  /** IV, then the cloud seals `fields` for it; `tamper` may change the sealed bytes. Sends without waiting. */
  sendTelegram(kind: number, fields: Fields, tamper?: (telegram: Uint8Array) => void, keys = this.keys): void {
    const telegram = sealTelegram(nodeCrypto, keys, this.iv(), kind, fields);
    if (tamper !== undefined) tamper(telegram);
    this.send(telegram);
  }

  telegram(kind: number, fields: Fields, tamper?: (telegram: Uint8Array) => void, keys = this.keys): Reply {
    this.sendTelegram(kind, fields, tamper, keys);
    return this.reply();
  }

  clock(time = UNIX): Reply {
    return this.telegram(KIND.CLOCK, { txnId: nextTxnId(), issuedAt: time, expiresAt: 0, time });
  }

  config(fields: Fields): Reply {
    return this.telegram(KIND.CONFIG, configFields(fields));
  }

  pay(fields: Fields): Reply {
    return this.telegram(KIND.PAYMENT, paymentFields(fields));
  }

  close(): void {
    this.link.disconnect();
    this.box.advance(10);
  }
}

/** A MACed RECEIPT, checked with the cloud's macKey. */
export function receiptVerifies(keys: BoxKeys, reply: Reply): boolean {
  return reply.type === MSG.RECEIPT && checkTag(nodeCrypto, keys.macKey, LABEL.RECEIPT, new Uint8Array(0), encodeMessage(MSG.RECEIPT, reply.fields), 2);
}

/** A POS reads the log: LOG_CHALLENGE, then LOG_READ proved with posKey; records are returned decoded, MACs checked. */
export function readLog(wallet: Wallet, fromSeq: number, count: number, posKey = wallet.keys.posKey): { reply: Reply; records: Fields[]; macsOk: boolean } {
  const nonce = wallet.request(encodeMessage(MSG.LOG_CHALLENGE_REQUEST, {})).fields.nonce as Uint8Array;
  const read = encodeMessage(MSG.LOG_READ, { fromSeq, count, proof: new Uint8Array(16) });
  const reply = wallet.request(signTag(nodeCrypto, posKey, LABEL.POS, concatBytes([wallet.keys.boxId, nonce]), read, 2));
  const records: Fields[] = [];
  let macsOk = true;
  if (reply.type === MSG.LOG_RECORDS) {
    const bytes = reply.fields.records as Uint8Array;
    for (let at = 0; at < bytes.length; at += LOG_RECORD_SIZE) {
      const record = bytes.slice(at, at + LOG_RECORD_SIZE);
      macsOk &&= checkTag(nodeCrypto, wallet.keys.macKey, LABEL.LOG, wallet.keys.boxId, record, 0);
      records.push(decodeFields(LOG_RECORD_LAYOUT, record, 0, LOG_RECORD_SIZE) as Fields);
    }
  }
  return { reply, records, macsOk };
}

/** Every record from `fromSeq` on, ten per LOG_READ as the protocol allows. */
export function readWholeLog(wallet: Wallet, fromSeq = 0): { records: Fields[]; macsOk: boolean } {
  const all: Fields[] = [];
  let ok = true;
  for (let from = fromSeq; ;) {
    const page = readLog(wallet, from, 10);
    ok &&= page.macsOk;
    if (page.records.length === 0) return { records: all, macsOk: ok };
    all.push(...page.records);
    from = (page.records.at(-1)!.seq as number) + 1;
  }
}

/** A frame from the vending controller (docs/uart.md): STX len type body crc ETX. */
export function machineFrame(type: number, txnId: Uint8Array, code: number): Uint8Array {
  const body = concatBytes([new Uint8Array([10, type]), txnId, new Uint8Array([code])]);
  const crc = crc16(body);
  return concatBytes([new Uint8Array([0x02]), body, new Uint8Array([crc >> 8, crc & 0xff, 0x03])]);
}

/** The level changes of `pin` since virtual time `from`, as [t − from, level] (a write of the same level is no change). */
export function edges(box: SimulatedBox, pin: string, from: number): [number, number | undefined][] {
  const changes: [number, number | undefined][] = [];
  let level: number | undefined;
  for (const e of box.pinTrace) {
    if (e.pin !== pin || e.level === level) continue;
    level = e.level;
    if (e.t >= from) changes.push([e.t - from, e.level]);
  }
  return changes;
}

/** A provisioned box whose clock and configuration came from the cloud, with the wallet still connected. */
export function configuredBox(board: BoardData, config: Fields, seed = 1): { box: SimulatedBox; storage: EspruinoStorage; keys: BoxKeys; wallet: Wallet; receipt: Reply } {
  const keys = newKeys(seed);
  const { box, storage } = bootBox(board, keys);
  const wallet = new Wallet(box, keys).open();
  wallet.clock();
  const receipt = wallet.config(config);
  // The customer arrives later: edges measured from a payment never include the configuration's own writes.
  box.advance(1000);
  return { box, storage, keys, wallet, receipt };
}
