// The seed's two payment calls on an authenticated connection: the box's one-time IV, then the cloud's sealed
// telegram written to the box, which runs the machine and answers a MACed RECEIPT.
import { fromHex, toHex } from '../../shared/bytes/hex.ts';
import { MSG, encodeMessage } from '../../shared/protocol/index.ts';
import { WalletError } from '../errors.ts';
import type { VerifiedPeripheral } from './authenticity.ts';
import type { WalletContext } from './context.ts';
import { expectReply } from './replies.ts';

export interface IvKey {
  /** The IV message as the box sent it (hex): what POST /payments and /reseal take. */
  message: string;
  ttlSeconds: number;
  /** On the transport's clock. */
  receivedAt: number;
}

export interface BoxReceipt {
  /** STATUS code (docs/protocol.md). */
  status: number;
  detail: number;
  txnId: string;
  counter: number;
  logSeq: number;
  /** The RECEIPT message (hex), relayed to the cloud unchanged. */
  message: string;
}

export async function doGetPeripheralIvKey(ctx: WalletContext, verified: VerifiedPeripheral): Promise<IvKey> {
  if (!verified.ivPending) await verified.link.send(encodeMessage(MSG.IV_REQUEST, {}));
  verified.ivPending = false;
  const reply = expectReply(await verified.link.next(ctx.timeouts.replyMs), MSG.IV, 'IV request');
  return { message: toHex(reply.bytes), ttlSeconds: reply.fields.ttlSeconds as number, receivedAt: ctx.clock.now() };
}

/** Writes the cloud's telegram (hex) and returns the box's receipt; a telegram the box cannot open throws. */
export async function doMobilePaymentVerificationWithDataWithMachineControl(
  ctx: WalletContext, verified: VerifiedPeripheral, telegram: string, options: { replyMs?: number } = {},
): Promise<BoxReceipt> {
  const reply = expectReply(await verified.link.request(fromHex(telegram), options.replyMs ?? ctx.timeouts.replyMs), MSG.RECEIPT, 'telegram');
  const f = reply.fields;
  const receipt: BoxReceipt = {
    status: f.status as number, detail: f.detail as number, txnId: toHex(f.txnId as Uint8Array), counter: f.counter as number,
    logSeq: f.logSeq as number, message: toHex(reply.bytes),
  };
  ctx.logger.debug('receipt', { boxId: verified.boxId, txnId: receipt.txnId, status: receipt.status, detail: receipt.detail });
  return receipt;
}

/** CANCEL(txnId): the box drops its outstanding IV so a sealed telegram can no longer run. No reply comes. */
export async function cancelOnBox(verified: VerifiedPeripheral, txnId: string): Promise<void> {
  if (!verified.link.connected) throw new WalletError('link_lost', 'the BLE link to the box is closed');
  await verified.link.send(encodeMessage(MSG.CANCEL, { txnId: fromHex(txnId) }));
}
