// Transactions that need no machine configuration: REFUND_ACK telegrams are executed, counted and logged like a
// payment, so the log can be exercised on every board that has one.
import { ACK_KIND, KIND } from '../../../shared/protocol/index.ts';
import type { BoxKeys } from '../../../shared/protocol/index.ts';
import type { SimulatedBox } from '../../../tools/simulator/index.ts';
import { CURRENCY, UNIX, Wallet, type Reply } from './harness.ts';

export function refundAck(txnId: Uint8Array, amount: number): Record<string, number | Uint8Array> {
  return { txnId, issuedAt: UNIX, expiresAt: 0, originalTxnId: txnId, amount, currency: CURRENCY, ackKind: ACK_KIND.REFUND };
}

/** One wallet visit: connect, HELLO, AUTH, one REFUND_ACK, disconnect (the box maintains its log after it). */
export function visit(box: SimulatedBox, keys: BoxKeys, txnId: Uint8Array, amount = 100): Reply | undefined {
  const wallet = new Wallet(box, keys);
  try {
    wallet.open();
    wallet.sendTelegram(KIND.REFUND_ACK, refundAck(txnId, amount));
    return wallet.poll();
  } catch {
    // A power cut mid-visit: the box stops answering.
    return undefined;
  } finally {
    if (wallet.link.connected) wallet.close();
  }
}

/** txnIds 8 bytes, deterministic per (run, index), so a replayed run writes the same bytes to flash. */
export function planTxnId(run: number, index: number): Uint8Array {
  const id = new Uint8Array(8);
  const view = new DataView(id.buffer);
  view.setUint32(0, 0x57000000 + run);
  view.setUint32(4, index);
  return id;
}
