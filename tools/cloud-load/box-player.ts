// The box's side of a wallet payment, played with shared/protocol: the HELLO proof and AUTH ticket check of a
// connection, then the IV it hands out, the PAYMENT telegram it opens and the RECEIPT it signs.
import { randomBytes } from 'node:crypto';
import { concatBytes } from '../../shared/bytes/concat.ts';
import { fromHex, toHex } from '../../shared/bytes/hex.ts';
import { nodeCrypto } from '../../shared/crypto/node.ts';
import { LABEL, MSG, STATUS, TAG_SIZE } from '../../shared/protocol/constants.ts';
import { emptyIvSlot, issueIv } from '../../shared/protocol/iv.ts';
import { decodeMessage, encodeMessage } from '../../shared/protocol/messages.ts';
import { openTelegram } from '../../shared/protocol/open.ts';
import { checkTag, signTag } from '../../shared/protocol/tags.ts';
import type { BoxKeys, Fields, IvSlot } from '../../shared/protocol/types.ts';

/** One BLE connection's HELLO and AUTH: a fresh boxNonce binds the ticket to this connection. */
export class BoxPlayer {
  readonly keys: BoxKeys;
  readonly boxNonce = new Uint8Array(randomBytes(16));
  counter: number;

  constructor(keys: BoxKeys, counter = 0) {
    this.keys = keys;
    this.counter = counter;
  }

  get boxId(): string {
    return toHex(this.keys.boxId);
  }

  /** The HELLO answering a HELLO_REQUEST with `challenge` (hex), as hex. */
  hello(challenge: string): string {
    const hello = encodeMessage(MSG.HELLO, {
      boxId: this.keys.boxId, flags: 0x0101, firmwareVersion: 0x0100, keyVersion: this.keys.keyVersion, counter: this.counter,
      clock: 0, boxNonce: this.boxNonce, proof: new Uint8Array(TAG_SIZE),
    });
    return toHex(signTag(nodeCrypto, this.keys.macKey, LABEL.HELLO, fromHex(challenge), hello, 2));
  }

  /** What the box checks on AUTH: the ticket over this connection's boxNonce; returns walletId and rights. */
  acceptAuth(authHex: string): { walletId: number; rights: number; validSeconds: number } | undefined {
    const auth = fromHex(authHex);
    const decoded = decodeMessage(auth);
    if (!decoded.ok || decoded.type !== MSG.AUTH) return undefined;
    if (!checkTag(nodeCrypto, this.keys.macKey, LABEL.TICKET, concatBytes([this.keys.boxId, this.boxNonce]), auth, 2)) return undefined;
    const f = decoded.fields;
    return { walletId: f.walletId as number, rights: f.rights as number, validSeconds: f.validSeconds as number };
  }
}

/** The box's side of one payment: an IV it handed out, the telegram it opens, the receipt it signs. */
export class PaymentBox {
  readonly keys: BoxKeys;
  readonly slot: IvSlot = emptyIvSlot();
  counter: number;

  constructor(keys: BoxKeys, counter = 0) {
    this.keys = keys;
    this.counter = counter;
  }

  /** The IV message (hex) the wallet relays to the cloud. */
  iv(): string {
    const iv = issueIv(nodeCrypto, this.slot, 0, 30);
    return toHex(encodeMessage(MSG.IV, { iv, ttlSeconds: 30 }));
  }

  open(telegramHex: string): Fields {
    const opened = openTelegram(nodeCrypto, this.keys, this.slot, fromHex(telegramHex), 1, 0);
    if (!opened.ok) throw new Error(`the box refused the telegram: ${opened.code}`);
    return opened.fields;
  }

  /** A RECEIPT for `txnId` with `status`, MACed with this box's keys (or `macKey` to forge one). */
  receipt(txnId: Uint8Array, status: number = STATUS.OK, detail = 0, macKey = this.keys.macKey): string {
    if (status !== STATUS.DUPLICATE && status !== STATUS.REFUSED) this.counter += 1;
    const receipt = encodeMessage(MSG.RECEIPT, {
      boxId: this.keys.boxId, txnId, status, counter: this.counter, logSeq: this.counter, time: 0, detail, mac: new Uint8Array(TAG_SIZE),
    });
    return toHex(signTag(nodeCrypto, macKey, LABEL.RECEIPT, new Uint8Array(0), receipt, 2));
  }
}
