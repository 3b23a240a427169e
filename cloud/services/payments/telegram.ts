import { nodeCrypto } from '../../../shared/crypto/node.ts';
import { KIND } from '../../../shared/protocol/constants.ts';
import { sealTelegram } from '../../../shared/protocol/seal.ts';
import type { Kek } from '../../crypto/kek.ts';
import type { Executor } from '../../db/open.ts';
import { loadBoxKeys, sealingKeyVersion } from '../box-keys/index.ts';
import { currencyNumeric } from './currency.ts';
import type { PaymentRow } from './transition.ts';
import { txnIdBytes } from './txn-id.ts';

/** How long a sealed telegram is good for on a box whose clock is set; the one-time IV bounds it anyway. */
export const TELEGRAM_VALID_SECONDS = 120;

export interface SealedPayment {
  telegram: Uint8Array;
  keyVersion: number;
  issuedAt: number;
  expiresAt: number;
}

/**
 * The PAYMENT telegram for `payment` and the IV the box handed out, under the box's current keys. Sealing the
 * same payment again for a new IV (a lost receipt) keeps its txnId, so a box that already ran it answers DUPLICATE.
 */
export function sealPayment(db: Executor, kek: Kek, payment: PaymentRow, walletId: number, iv: Uint8Array, nowMs: number): SealedPayment {
  const keys = loadBoxKeys(db, kek, payment.boxId, sealingKeyVersion(db, payment.boxId));
  const issuedAt = Math.floor(nowMs / 1000);
  const expiresAt = Math.min(issuedAt + TELEGRAM_VALID_SECONDS, Math.floor(payment.expiresAt / 1000));
  const telegram = sealTelegram(nodeCrypto, keys, iv, KIND.PAYMENT, {
    txnId: txnIdBytes(payment.txnId), issuedAt, expiresAt, walletId, amount: payment.amountMinor,
    currency: currencyNumeric(payment.currency), scenario: payment.scenario, outputIndex: payment.outputIndex, units: payment.machineUnits, sku: payment.machineSku,
  });
  return { telegram, keyVersion: keys.keyVersion, issuedAt, expiresAt };
}
