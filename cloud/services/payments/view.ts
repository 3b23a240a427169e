import { toHex } from '../../../shared/bytes/hex.ts';
import type { PaymentRow } from './transition.ts';
import { txnIdBytes } from './txn-id.ts';

export interface PaymentView {
  id: string;
  state: PaymentRow['state'];
  boxId: string;
  /** The telegram's txnId, 16 hex digits, as the box logs it. */
  txnId: string;
  amountMinor: number;
  currency: string;
  sku: string | null;
  units: number;
  refundedMinor: number;
  declineCode: string | null;
  expiresAt: number;
  createdAt: number;
  updatedAt: number;
}

/** A payment as a wallet sees it: no acquirer reference, no review flags. */
export function paymentView(p: PaymentRow): PaymentView {
  return {
    id: p.id, state: p.state, boxId: p.boxId, txnId: toHex(txnIdBytes(p.txnId)), amountMinor: p.amountMinor, currency: p.currency,
    sku: p.sku, units: p.units, refundedMinor: p.refundedMinor, declineCode: p.declineCode, expiresAt: p.expiresAt,
    createdAt: p.createdAt, updatedAt: p.updatedAt,
  };
}
