// The test plays the box with shared/protocol: HELLO proofs, ticket checks, and later telegrams and receipts.
import { randomBytes } from 'node:crypto';
import { concatBytes } from '../../shared/bytes/concat.ts';
import { fromHex, toHex } from '../../shared/bytes/hex.ts';
import { nodeCrypto } from '../../shared/crypto/node.ts';
import { LABEL, MSG, TAG_SIZE } from '../../shared/protocol/constants.ts';
import { decodeMessage, encodeMessage } from '../../shared/protocol/messages.ts';
import { checkTag, signTag } from '../../shared/protocol/tags.ts';
import type { BoxKeys } from '../../shared/protocol/types.ts';

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
