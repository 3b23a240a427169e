// The cloud half of one attempt: charge once per idempotency key, then a telegram for THIS connection's IV. The
// first POST /payments body is kept and re-sent unchanged on a later attempt, so the same key answers the stored
// outcome (Stripe's rule: same key, same body) instead of 409; the telegram is then resealed for the new IV.
import { WalletError, isWalletError } from '../errors.ts';
import type { CloudPayment, Order } from '../cloud/types.ts';
import type { VerifiedPeripheral } from './authenticity.ts';
import type { WalletContext } from './context.ts';
import type { IvKey } from './payment-steps.ts';

export interface PaymentProgress {
  idempotencyKey: string;
  order: Order;
  payment?: CloudPayment;
  firstBody?: { sessionId: string; iv: string } & Order;
  /** A telegram reached the box at least once: the machine may have run, so the payment is never cancelled. */
  telegramWritten?: boolean;
}

const POLL_MS = 1000;
const ACQUIRER_WAIT_MS = 60_000;

export async function settleTelegram(
  ctx: WalletContext, verified: VerifiedPeripheral, iv: IvKey, progress: PaymentProgress, freshIv: () => Promise<IvKey>,
): Promise<string> {
  let currentIv = iv;
  if (progress.payment === undefined) {
    const body = progress.firstBody ?? { sessionId: verified.session.sessionId, iv: iv.message, ...progress.order };
    progress.firstBody = body;
    let answer;
    try {
      answer = await ctx.cloud.pay(body, progress.idempotencyKey);
    } catch (error) {
      // The first request never created anything and its session has lapsed: start over with this connection's.
      if (isWalletError(error, 'cloud_error') && error.details.cloudCode === 'session_expired') progress.firstBody = undefined;
      throw error;
    }
    progress.payment = answer.payment;
    ctx.logger.debug('charged', { paymentId: answer.payment.id, state: answer.payment.state });
    if (answer.kind === 'accepted' && body.iv === iv.message) return answer.telegram;
    if (answer.kind === 'pending') {
      progress.payment = await waitForAcquirer(ctx, answer.payment.id);
      currentIv = await freshIv();
    }
  }
  const payment = progress.payment;
  if (payment.state === 'declined') {
    throw new WalletError('declined', 'the payment was declined', { declineCode: payment.declineCode ?? 'declined', declinedBy: 'acquirer', paymentId: payment.id });
  }
  const sealed = await ctx.cloud.reseal(payment.id, currentIv.message);
  progress.payment = sealed.payment;
  ctx.logger.debug('resealed', { paymentId: payment.id });
  return sealed.telegram;
}

/** A charge the acquirer has not answered yet (202): poll until it is accepted or declined. */
async function waitForAcquirer(ctx: WalletContext, paymentId: string): Promise<CloudPayment> {
  const start = ctx.clock.now();
  for (;;) {
    await ctx.clock.sleep(POLL_MS);
    const payment = await ctx.cloud.payment(paymentId);
    if (payment.state !== 'request') return payment;
    if (ctx.clock.now() - start > ACQUIRER_WAIT_MS) throw new WalletError('timeout', 'the acquirer did not answer in time', { paymentId });
  }
}
