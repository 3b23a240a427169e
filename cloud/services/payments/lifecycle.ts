// A wallet ending or resuming its own payment: cancel before the box's receipt, reseal after a lost receipt.
import type { Executor } from '../../db/open.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { appendAudit } from '../../audit/append.ts';
import { ownedPayment } from './receipt.ts';
import { refundRemainder } from './refunds.ts';
import { sealPayment, type SealedPayment } from './telegram.ts';
import { transitionPayment, type PaymentRow } from './transition.ts';
import { walletActor, type PaymentDeps, type WalletRef } from './types.ts';

/**
 * Request or Accept → Canceled, then the charge (if any) refunded. The wallet should first write CANCEL(txnId)
 * to the box, which drops the outstanding IV so the telegram can no longer run; a receipt that still arrives is
 * recorded as late (see receipt.ts). `alsoWrite` (the request's nonce) commits with the cancel.
 */
export async function cancelPayment(deps: PaymentDeps, wallet: WalletRef, paymentId: string, alsoWrite?: (tx: Executor) => void): Promise<PaymentRow> {
  const canceled = deps.db.transaction((tx) => {
    alsoWrite?.(tx);
    ownedPayment(tx, wallet, paymentId);
    return transitionPayment(tx, { paymentId, to: 'canceled', reason: 'wallet_cancel', actor: walletActor(wallet), at: deps.now() });
  });
  return refundRemainder(deps, canceled, 'canceled');
}

/**
 * The same payment (same txnId, amount and units) sealed again for a new IV, when the receipt was lost: a box
 * that ran it answers DUPLICATE with the original status instead of running the machine twice. Only in Accept
 * and before the payment's deadline; the keys are the box's current ones.
 */
export function resealPayment(
  deps: PaymentDeps, wallet: WalletRef, paymentId: string, iv: Uint8Array, alsoWrite?: (tx: Executor) => void,
): { payment: PaymentRow; sealed: SealedPayment } {
  return deps.db.transaction((tx) => {
    alsoWrite?.(tx);
    const p = ownedPayment(tx, wallet, paymentId);
    const at = deps.now();
    if (p.state !== 'accept') throw new CloudError('payment_not_resealable', `a payment in ${p.state} is not resealed; only one in accept`);
    if (p.expiresAt <= at) throw new CloudError('payment_not_resealable', 'the payment is past its deadline');
    const sealed = sealPayment(tx, deps.kek, p, wallet.walletId, iv, at);
    appendAudit(tx, { at, actor: walletActor(wallet), action: 'payment.resealed', subjectType: 'payment', subjectId: paymentId, data: { keyVersion: sealed.keyVersion, merchantId: p.merchantId } });
    return { payment: p, sealed };
  });
}
