// What the wallet API answers (docs/wallet-api.md), as far as the SDK reads it.

export interface CloudPayment {
  id: string;
  state: 'request' | 'accept' | 'declined' | 'expired' | 'canceled' | 'failed' | 'finish' | 'refunded';
  boxId: string;
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

export interface ResolvedBox {
  box: { id: string; scenario: { code: number; name: string }; status: string };
  merchant: { id: string; name: string; status: string };
  store: { id: string; name: string };
  merchandise: { sku: string; name: string; priceMinor: number; currency: string; scenarioParams: Record<string, unknown> }[];
  ble: { serviceUuid: string; rssiMin: number; scanTimeoutMs: number; connectTimeoutMs: number; replyTimeoutMs: number };
  qr?: { signature: 'absent' | 'verified' | 'invalid'; counterfeit: boolean };
}

export interface CloudSession {
  sessionId: string;
  boxId: string;
  /** The AUTH message (hex) to write to the box. */
  auth: string;
  walletId: number;
  rights: number;
  validSeconds: number;
  keyVersion: number;
}

/** What the wallet buys: merchandise by SKU (priced by the cloud), or an amount at a merchant counter. */
export type Order = { sku: string; units?: number } | { amountMinor: number; currency: string; units?: number };

export type PaymentAnswer =
  | { kind: 'accepted'; payment: CloudPayment; telegram: string }
  | { kind: 'pending'; payment: CloudPayment };

/** What a box or a QR code is resolved from. */
export type ResolveTarget = { boxId: string } | { qr: string } | { advertisingId: string } | { advertising: string };

/** A command the cloud owes a box (CONFIG, KEY_ROTATION, CLOCK), sealed for the box's IV; the wallet only carries it. */
export interface BoxCommand {
  id: string;
  kind: 'config' | 'key_rotation' | 'clock';
  /** The TELEGRAM (hex) to write to the box. */
  telegram: string;
  txnId: string;
  expiresAt: number;
}
