// The top-level form of pay(), for apps that keep the wallet object elsewhere.
import type { Wallet } from './wallet/create-wallet.ts';
import type { PayRequest, PaymentResult } from './wallet/pay.ts';

/** The whole payment with `wallet`: the same as `wallet.pay(request)`. */
export function pay(wallet: Wallet, request: PayRequest): Promise<PaymentResult> {
  return wallet.pay(request);
}
