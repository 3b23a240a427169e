// TELEGRAM → RECEIPT. openTelegram runs the protocol's checks in order (and consumes the IV); what fails there
// is an ERROR. Everything after opening is a MACed RECEIPT, so the cloud learns the outcome authentically:
// missing rights, a txnId already in the log (DUPLICATE with the stored result), or the machine's answer.
import { KIND, LABEL, MSG, RIGHT, STATUS, TAG_SIZE } from '../../../../shared/protocol/constants.ts';
import { ERR } from '../../../../shared/protocol/errors.ts';
import { encodeMessage } from '../../../../shared/protocol/messages.ts';
import { openTelegram } from '../../../../shared/protocol/open.ts';
import { signTag } from '../../../../shared/protocol/tags.ts';
import type { BoxKeys } from '../../../../shared/protocol/types.ts';
import { errorMessage, type Connection } from './connection.ts';

function rightFor(kind: number): number {
  if (kind === KIND.UNLOCK) return RIGHT.UNLOCK;
  return kind === KIND.CONFIG || kind === KIND.CLOCK || kind === KIND.KEY_ROTATION ? RIGHT.MANAGE : RIGHT.PAY;
}

/** Masks keep any value the machine layer hands back encodable, so building a receipt cannot throw. */
function receiptMessage(c: Connection, keys: BoxKeys, txnId: Uint8Array, status: number, detail: number, logSeq: number, time: number): Uint8Array {
  const o = c.o;
  const receipt = encodeMessage(MSG.RECEIPT, {
    boxId: keys.boxId,
    txnId: txnId,
    status: status & 0xff,
    counter: o.state.counter >>> 0,
    logSeq: logSeq >>> 0,
    time: time >>> 0,
    detail: detail & 0xffff,
    mac: new Uint8Array(TAG_SIZE),
  });
  return signTag(o.crypto, keys.macKey, LABEL.RECEIPT, new Uint8Array(0), receipt, 2);
}

/** `keys` are those in use at arrival: a key rotation's receipt still goes out under the old macKey. */
export function handleTelegram(c: Connection, keys: BoxKeys, bytes: Uint8Array): void {
  const o = c.o;
  if (c.busy) {
    // Any attempt consumes the IV, a refused one too.
    c.slot.iv = undefined;
    c.reply(errorMessage(ERR.BUSY, 0));
    return;
  }
  const opened = openTelegram(o.crypto, keys, c.slot, bytes, o.nowMs(), o.unixNow());
  if (!opened.ok) {
    c.reply(errorMessage(opened.code, 0));
    return;
  }
  const fields = opened.fields;
  const txnId = fields.txnId as Uint8Array;
  // A payment sealed for one wallet app cannot be completed over another app's ticket.
  const otherWallet = opened.kind === KIND.PAYMENT && fields.walletId !== c.walletId;
  if ((c.rights & rightFor(opened.kind)) === 0 || otherWallet) {
    c.reply(receiptMessage(c, keys, txnId, STATUS.REFUSED, ERR.NOT_PERMITTED, 0, o.unixNow()));
    return;
  }
  const stored = o.findReceipt(txnId);
  if (stored !== undefined) {
    c.reply(receiptMessage(c, keys, txnId, STATUS.DUPLICATE, stored.result, stored.seq, stored.time));
    return;
  }
  let answered = false;
  const done = function (status: number, detail: number, logSeq: number): void {
    if (answered) return;
    answered = true;
    c.busy = false;
    c.reply(receiptMessage(c, keys, txnId, status, detail, logSeq, o.unixNow()));
  };
  c.busy = true;
  try {
    o.onTelegram(opened.kind, fields, done);
  } catch {
    done(STATUS.MACHINE_FAILED, ERR.MACHINE_FAULT, 0);
  }
}
