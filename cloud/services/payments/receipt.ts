// The box's RECEIPT for a payment's telegram: authentic (MAC under the keys the telegram was sealed with), for
// this payment's box and txnId, then applied. A failure status moves the payment to Failed and the charge is
// refunded outside the transaction; DUPLICATE (the box's answer to a resealed txnId) carries the original status.
import { eq } from 'drizzle-orm';
import { toHex } from '../../../shared/bytes/hex.ts';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import { LABEL, MSG, STATUS } from '../../../shared/protocol/constants.ts';
import { decodeMessage } from '../../../shared/protocol/messages.ts';
import { checkTag } from '../../../shared/protocol/tags.ts';
import { appendAudit } from '../../audit/append.ts';
import { checkCounter, type ControlFlag } from '../../controls/index.ts';
import { commitWrite } from '../../db/group-commit.ts';
import type { Executor } from '../../db/open.ts';
import { boxSessions, boxes, paymentReceipts } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { loadBoxKeys } from '../box-keys/index.ts';
import { refundRemainder } from './refunds.ts';
import { loadPayment, transitionPayment, type PaymentRow } from './transition.ts';
import { txnIdNumber } from './txn-id.ts';
import { walletActor, type PaymentDeps, type WalletRef } from './types.ts';

const STATUS_NAMES: Record<number, string> = Object.fromEntries(Object.entries(STATUS).map(([name, code]) => [code, name.toLowerCase()]));

/** The payment owned by `wallet`; another app's payment is as unknown as a missing one. */
export function ownedPayment(db: Executor, wallet: WalletRef, paymentId: string): PaymentRow {
  const p = loadPayment(db, paymentId);
  if (p.walletAppId !== wallet.id) throw new CloudError('payment_not_found', 'no payment with this id');
  return p;
}

interface Verified { status: number; detail: number; counter: number; logSeq: number; time: number }

function verify(deps: PaymentDeps, p: PaymentRow, message: Uint8Array): Verified {
  const decoded = decodeMessage(message);
  if (!decoded.ok || decoded.type !== MSG.RECEIPT) throw new CloudError('receipt_invalid', 'receipt is not a RECEIPT message');
  const f = decoded.fields;
  if (toHex(f.boxId as Uint8Array) !== p.boxId) throw new CloudError('receipt_box_mismatch', 'the receipt comes from another box than the payment\'s');
  const keys = loadBoxKeys(deps.db, deps.kek, p.boxId, p.keyVersion ?? undefined);
  if (!checkTag(nodeCrypto, keys.macKey, LABEL.RECEIPT, new Uint8Array(0), message, 2)) {
    throw new CloudError('receipt_mac_invalid', 'the receipt\'s MAC does not verify');
  }
  if (txnIdNumber(f.txnId as Uint8Array) !== p.txnId) throw new CloudError('receipt_txn_mismatch', 'the receipt is for another transaction');
  let status = f.status as number;
  let detail = f.detail as number;
  if (status === STATUS.DUPLICATE) {
    status = detail;
    detail = 0;
    if (status === STATUS.DUPLICATE || STATUS_NAMES[status] === undefined) throw new CloudError('receipt_invalid', 'a DUPLICATE receipt must carry the original status');
  }
  if (STATUS_NAMES[status] === undefined) throw new CloudError('receipt_invalid', 'unknown receipt status');
  return { status, detail, counter: f.counter as number, logSeq: f.logSeq as number, time: f.time as number };
}

/** What the box's counter says about this receipt (seed 003 serial coherence): flags only, never a refusal. */
function counterFlags(tx: Executor, p: PaymentRow, r: Verified, duplicate: boolean): ControlFlag[] {
  const box = tx.select({ counter: boxes.counter }).from(boxes).where(eq(boxes.id, p.boxId)).get();
  const session = p.sessionId === null ? undefined : tx.select({ counter: boxSessions.counter }).from(boxSessions).where(eq(boxSessions.id, p.sessionId)).get();
  const last = Math.max(box?.counter ?? 0, session?.counter ?? 0);
  tx.update(boxes).set({ counter: Math.max(last, r.counter) }).where(eq(boxes.id, p.boxId)).run();
  if (r.status === STATUS.REFUSED || r.status === STATUS.CANCELLED) return [];
  return checkCounter({ last, reported: r.counter, expectedRun: duplicate ? 0 : 1 }).flags;
}

/** `alsoWrite` (the request's nonce) commits with the receipt's transaction. */
export async function applyReceipt(deps: PaymentDeps, wallet: WalletRef, paymentId: string, message: Uint8Array, alsoWrite?: (tx: Executor) => void): Promise<PaymentRow> {
  const p = ownedPayment(deps.db, wallet, paymentId);
  const duplicate = message.length > 18 && message[18] === STATUS.DUPLICATE;
  const r = verify(deps, p, message);
  const ok = r.status === STATUS.OK;
  const target = ok ? 'finish' : 'failed';
  const applied = await commitWrite(deps.db, (tx) => {
    alsoWrite?.(tx);
    const at = deps.now();
    const current = loadPayment(tx, paymentId);
    const fits = current.state === 'accept';
    const repeat = !fits && (ok ? current.state === 'finish' : current.state === 'failed' || (current.state === 'refunded' && current.receiptStatus !== null));
    const outcome = fits ? 'applied' : repeat ? 'repeat' : 'late';
    tx.insert(paymentReceipts).values({
      paymentId, boxId: p.boxId, status: r.status, detail: r.detail, counter: r.counter, logSeq: r.logSeq, boxTime: r.time,
      message: toHex(message), outcome, receivedAt: at,
    }).run();
    const flags = counterFlags(tx, current, r, duplicate);
    const data = { status: STATUS_NAMES[r.status]!, detail: r.detail, counter: r.counter, logSeq: r.logSeq, duplicate, flags };
    if (outcome === 'applied') {
      return { applied: true, row: transitionPayment(tx, { paymentId, to: target, reason: `receipt_${STATUS_NAMES[r.status]}`, actor: walletActor(wallet), at, set: { receiptStatus: r.status }, data }) };
    }
    appendAudit(tx, { at, actor: walletActor(wallet), action: `payment.receipt_${outcome}`, subjectType: 'payment', subjectId: paymentId, data: { ...data, state: current.state, merchantId: current.merchantId } });
    return outcome === 'late' ? undefined : { applied: false, row: current };
  });
  if (applied === undefined) {
    throw new CloudError('payment_closed', `the payment is ${loadPayment(deps.db, paymentId).state}; the receipt was recorded for review`);
  }
  return applied.applied && applied.row.state === 'failed' ? refundRemainder(deps, applied.row, 'machine_failed') : applied.row;
}
