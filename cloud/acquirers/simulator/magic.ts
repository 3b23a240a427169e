/**
 * Test-mode amounts. The last three digits of the amount in minor units pick the outcome: a 9 followed by the
 * ISO 8583 response code it imitates (51 insufficient funds, 05 do not honor, 41 lost card ...). Real prices
 * rarely end in 9xx, so ordinary test prices (100, 250, 1200) are approved.
 */
export type MagicCharge =
  | { outcome: 'declined'; code: string; message: string }
  | { outcome: 'pending'; reason: 'timeout' | 'acquirer_error' }
  /** The first attempt is an acquirer error; the same charge repeated is approved (tests recovery by retry). */
  | { outcome: 'transient' };

export type MagicRefund = { outcome: 'failed'; code: string; message: string } | { outcome: 'pending'; reason: 'timeout' | 'acquirer_error' };

const declined = (code: string, message: string): MagicCharge => ({ outcome: 'declined', code, message });

export const MAGIC_CHARGES: Readonly<Record<number, MagicCharge>> = {
  905: declined('do_not_honor', 'The issuer declined the payment without a reason.'),
  914: declined('invalid_account', 'The wallet account is not known to the issuer.'),
  941: declined('lost_card', 'The payment instrument was reported lost.'),
  943: declined('stolen_card', 'The payment instrument was reported stolen.'),
  951: declined('insufficient_funds', 'The wallet has insufficient funds.'),
  954: declined('expired_card', 'The payment instrument has expired.'),
  961: declined('exceeds_limit', 'The amount exceeds the wallet\'s limit at the issuer.'),
  968: { outcome: 'pending', reason: 'timeout' },
  991: { outcome: 'pending', reason: 'acquirer_error' },
  992: { outcome: 'transient' },
};

export const MAGIC_REFUNDS: Readonly<Record<number, MagicRefund>> = {
  912: { outcome: 'failed', code: 'refund_declined', message: 'The acquirer refused the refund.' },
  968: { outcome: 'pending', reason: 'timeout' },
  991: { outcome: 'pending', reason: 'acquirer_error' },
};

export function magicCharge(amountMinor: number): MagicCharge | undefined {
  return MAGIC_CHARGES[amountMinor % 1000];
}

export function magicRefund(amountMinor: number): MagicRefund | undefined {
  return MAGIC_REFUNDS[amountMinor % 1000];
}
