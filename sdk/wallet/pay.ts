// pay(): find the box, authenticate, get its IV, have the cloud charge and seal, write the telegram, relay the
// receipt. A dropped link or a lost reply is retried on a new connection under the SAME idempotency key: the
// cloud never charges twice, and a telegram whose receipt was lost is resealed for the same txnId, which the box
// answers DUPLICATE without running the machine again.
import { ERR, STATUS } from '../../shared/protocol/index.ts';
import { freshNonce } from '../cloud/signing.ts';
import type { CloudPayment, Order } from '../cloud/types.ts';
import { WalletError, isWalletError } from '../errors.ts';
import { doVerifyPeripheralAuthenticity, type VerifiedPeripheral } from './authenticity.ts';
import { relayBoxCommands } from './commands.ts';
import type { WalletContext } from './context.ts';
import { discoverNearbyPeripheralBySignalStrength, discoverNearbySpecificPeripheral } from './discover.ts';
import { cancelOnBox, doGetPeripheralIvKey, doMobilePaymentVerificationWithDataWithMachineControl, type BoxReceipt } from './payment-steps.ts';
import type { Peripheral } from './peripheral.ts';
import { settleTelegram, type PaymentProgress } from './settle.ts';

export interface PayRequest {
  /** What to buy. */
  order: Order;
  /** A box from a scan; else the box with `boxId`; else the strongest box at or above `rssiMin`. */
  peripheral?: Peripheral;
  boxId?: string;
  /** dBm (default -80). */
  rssiMin?: number;
  /** Reuse one key for every retry of the same purchase (default: a fresh key per pay() call). */
  idempotencyKey?: string;
  /** Connections tried before giving up (default 3). */
  attempts?: number;
  /** Aborting cancels the payment until its telegram is written; after that the machine runs and pay() finishes. */
  signal?: AbortSignal;
}

export type PaymentOutcome = 'ok' | 'machine_failed' | 'machine_timeout' | 'cancelled_by_box';

export interface PaymentResult {
  outcome: PaymentOutcome;
  payment: CloudPayment;
  receipt: BoxReceipt;
  stats: PaymentStats;
}

export interface PaymentStats {
  /** Write bursts answered by the box, over every connection of this payment. */
  bleRoundTrips: number;
  cloudCalls: number;
  connections: number;
  /** From pay() to the receipt, on the transport's clock. */
  elapsedMs: number;
  /** From pay() to the telegram's RECEIPT arriving (the machine acted), on the transport's clock. */
  timeToActionMs: number;
  /** Commands the cloud owed the box (CONFIG, CLOCK, KEY_ROTATION) carried on this payment's connection. */
  commandsRelayed: number;
}

const BUSY_WAIT_MS = 1000;

function outcomeOf(receipt: BoxReceipt): PaymentOutcome {
  const status = receipt.status === STATUS.DUPLICATE ? receipt.detail : receipt.status;
  if (status === STATUS.OK) return 'ok';
  if (status === STATUS.MACHINE_FAILED) return 'machine_failed';
  if (status === STATUS.MACHINE_TIMEOUT) return 'machine_timeout';
  if (status === STATUS.CANCELLED) return 'cancelled_by_box';
  throw new WalletError('protocol_error', `the box answered the telegram with status ${status}`);
}

/** Link trouble that a new connection can cure. */
function retryable(error: unknown): boolean {
  if (isWalletError(error, 'link_lost') || isWalletError(error, 'box_busy')) return true;
  if (isWalletError(error, 'timeout')) return true;
  if (isWalletError(error, 'refused_by_box')) return error.details.boxCode === ERR.IV_EXPIRED || error.details.boxCode === ERR.NO_IV;
  return isWalletError(error, 'cloud_error') && (error.details.cloudCode === 'idempotency_in_flight' || error.details.cloudCode === 'network_error');
}

async function locate(ctx: WalletContext, request: PayRequest): Promise<Peripheral> {
  if (request.peripheral !== undefined) return request.peripheral;
  if (request.boxId !== undefined) return discoverNearbySpecificPeripheral(ctx, request.boxId, request.signal ? { signal: request.signal } : {});
  return discoverNearbyPeripheralBySignalStrength(ctx, request.rssiMin ?? -80, request.signal ? { signal: request.signal } : {});
}

export async function pay(ctx: WalletContext, request: PayRequest): Promise<PaymentResult> {
  const started = ctx.clock.now();
  const callsBefore = ctx.cloud.calls;
  const progress: PaymentProgress = { idempotencyKey: request.idempotencyKey ?? freshNonce(), order: request.order };
  const attempts = request.attempts ?? 3;
  let roundTrips = 0;
  let connections = 0;
  let peripheral: Peripheral | undefined;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let verified: VerifiedPeripheral | undefined;
    try {
      checkAbort(request.signal);
      peripheral ??= await locate(ctx, request);
      connections++;
      verified = await doVerifyPeripheralAuthenticity(ctx, peripheral, { prefetchIv: true });
      peripheral = verified.peripheral;
      const iv = await doGetPeripheralIvKey(ctx, verified);
      const telegram = await settleTelegram(ctx, verified, iv, progress, () => doGetPeripheralIvKey(ctx, verified!));
      if (request.signal?.aborted) await cancelPayment(ctx, verified, progress);
      progress.telegramWritten = true;
      const receipt = await doMobilePaymentVerificationWithDataWithMachineControl(ctx, verified, telegram);
      const actedAt = ctx.clock.now();
      const payment = await relayReceipt(ctx, progress.payment!.id, receipt);
      progress.payment = payment;
      const commandsRelayed = await relayBoxCommands(ctx, verified).catch((error: unknown) => {
        ctx.logger.warn('commands_not_relayed', { boxId: verified!.boxId, code: error instanceof WalletError ? error.code : 'unknown' });
        return 0;
      });
      if (receipt.status === STATUS.REFUSED || (receipt.status === STATUS.DUPLICATE && receipt.detail === STATUS.REFUSED)) throw refusal(receipt, payment);
      const stats = {
        bleRoundTrips: roundTrips + verified.link.stats.roundTrips, cloudCalls: ctx.cloud.calls - callsBefore, connections,
        elapsedMs: ctx.clock.now() - started, timeToActionMs: actedAt - started, commandsRelayed,
      };
      ctx.logger.debug('paid', { paymentId: payment.id, state: payment.state, ...stats });
      return { outcome: outcomeOf(receipt), payment, receipt, stats };
    } catch (error) {
      // Once the cloud closed the payment (refunded after a refusal, declined, expired) no retry can help.
      const open = progress.payment === undefined || progress.payment.state === 'request' || progress.payment.state === 'accept';
      if (!open || !retryable(error)) throw await failed(ctx, error, progress, request.signal);
      lastError = error;
      ctx.logger.warn('retry', { attempt, code: (error as WalletError).code, paymentId: progress.payment?.id });
      if (isWalletError(error, 'box_busy') || isWalletError(error, 'cloud_error')) await ctx.clock.sleep(BUSY_WAIT_MS);
    } finally {
      if (verified !== undefined) {
        roundTrips += verified.link.stats.roundTrips;
        await verified.link.close();
      }
    }
  }
  throw await failed(ctx, lastError, progress, request.signal);
}

/**
 * A REFUSED receipt: the box opened the telegram but would not act, and the cloud refunds on the receipt. A
 * machine still busy (a locker still rented, the machine's BUSY input) is `box_busy`; the rest `refused_by_box`.
 */
function refusal(receipt: BoxReceipt, payment: CloudPayment): WalletError {
  // A DUPLICATE carries the original status in `detail`, not the refusal's code.
  if (receipt.status === STATUS.DUPLICATE) return new WalletError('refused_by_box', 'the box had refused this payment', { paymentId: payment.id });
  const code = receipt.detail;
  if (code === ERR.BUSY) return new WalletError('box_busy', 'the machine is busy; the payment was refunded', { boxCode: code, paymentId: payment.id });
  return new WalletError('refused_by_box', `the box refused the payment (code 0x${code.toString(16)})`, { boxCode: code, paymentId: payment.id });
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new WalletError('cancelled', 'the payment was cancelled');
}

/** The abort arrived before the telegram was written: the box forgets the IV, the cloud cancels and refunds. */
async function cancelPayment(ctx: WalletContext, verified: VerifiedPeripheral, progress: PaymentProgress): Promise<never> {
  if (progress.payment !== undefined) {
    await cancelOnBox(verified, progress.payment.txnId).catch(() => undefined);
    progress.payment = await ctx.cloud.cancel(progress.payment.id);
  }
  throw new WalletError('cancelled', 'the payment was cancelled', progress.payment ? { paymentId: progress.payment.id } : {});
}

/** A lost answer to the receipt post is asked again: posting the same receipt twice changes nothing. */
async function relayReceipt(ctx: WalletContext, paymentId: string, receipt: BoxReceipt): Promise<CloudPayment> {
  try {
    return await ctx.cloud.receipt(paymentId, receipt.message);
  } catch (error) {
    if (!isWalletError(error, 'timeout') && !(isWalletError(error, 'cloud_error') && error.details.cloudCode === 'network_error')) throw error;
    return ctx.cloud.receipt(paymentId, receipt.message);
  }
}

/** The error pay() ends with; a payment that never reached the box is cancelled (and refunded) on the way out. */
async function failed(ctx: WalletContext, error: unknown, progress: PaymentProgress, signal: AbortSignal | undefined): Promise<unknown> {
  const payment = progress.payment;
  if (payment !== undefined && !progress.telegramWritten && (payment.state === 'accept' || payment.state === 'request')) {
    progress.payment = await ctx.cloud.cancel(payment.id).catch(() => payment);
  }
  if (signal?.aborted && !isWalletError(error, 'cancelled')) return new WalletError('cancelled', 'the payment was cancelled', payment ? { paymentId: payment.id } : {});
  if (error instanceof WalletError && payment !== undefined && error.details.paymentId === undefined) {
    return new WalletError(error.code, error.message, { ...error.details, paymentId: payment.id });
  }
  return error;
}
