/**
 * One acquirer (payment gateway, bank, or the test-mode simulator) behind one interface. The payment service
 * calls it outside any database transaction, with its own idempotency key, so a retried charge never charges twice.
 */
export interface ChargeRequest {
  /** Our payment id; the acquirer's idempotency key is derived from it, so a retry is the same charge. */
  paymentId: string;
  amountMinor: number;
  /** ISO 4217 numeric, as three digits ("901"). */
  currency: string;
  merchantId: string;
  walletAppId: string;
  description?: string;
}

export type ChargeResult =
  | { outcome: 'approved'; acquirerRef: string }
  | { outcome: 'declined'; code: string; message: string }
  /** Not known yet (timeout, gateway error after retries): the payment stays open until a callback or sweep. */
  | { outcome: 'pending'; acquirerRef?: string; reason: string };

export interface RefundRequest {
  paymentId: string;
  refundId: string;
  acquirerRef: string;
  amountMinor: number;
  currency: string;
}

export type RefundResult =
  | { outcome: 'refunded'; acquirerRef: string }
  | { outcome: 'failed'; code: string; message: string }
  /** Not known yet, as for a charge: repeat the same refund (same refundId) or wait for a callback. */
  | { outcome: 'pending'; acquirerRef?: string; reason: string };

/** An acquirer's asynchronous answer, checked and parsed by `verifyCallback`. */
export type AcquirerCallback =
  | { kind: 'charge'; paymentId: string; result: ChargeResult }
  | { kind: 'refund'; refundId: string; result: RefundResult };

/** Header names in lower case; a `Headers` object or Node's `IncomingHttpHeaders` both fit. */
export type CallbackHeaders = Headers | Record<string, string | string[] | undefined>;

export interface Acquirer {
  readonly name: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: RefundRequest): Promise<RefundResult>;
  /**
   * Checks an asynchronous callback's signature and freshness against the exact raw body and parses it.
   * Only acquirers that call back have it. Throws CloudError (signature_* or callback_malformed).
   */
  verifyCallback?(rawBody: string | Uint8Array, headers: CallbackHeaders): AcquirerCallback;
}
