// One error class for everything the SDK reports, with a stable `code` an app can switch on. Messages name what
// failed and never carry key material, tickets, telegrams or request signatures.

export type WalletErrorCode =
  /** The radio is off, absent or not permitted (the user must turn Bluetooth on or grant access). */
  | 'bluetooth_off'
  /** No WayGo box answered the scan, or none matched the id or signal strength asked for. */
  | 'box_not_found'
  /** A box reply, a connection or a cloud call took longer than its limit. */
  | 'timeout'
  /** The box refused a message: `boxCode` is its ERR code (docs/protocol.md, "Error codes"). */
  | 'refused_by_box'
  /** The acquirer or the cloud's controls declined the charge: see `declineCode` and `declinedBy`. */
  | 'declined'
  /** The box is running a machine action; try again shortly. */
  | 'box_busy'
  /** The BLE link dropped and the retries allowed were used up. */
  | 'link_lost'
  /** The payment was cancelled through its AbortSignal. */
  | 'cancelled'
  /** The cloud answered an error that is none of the above: see `cloudCode` and `status`. */
  | 'cloud_error'
  /** A box reply that does not fit the protocol (wrong type, undecodable). */
  | 'protocol_error';

export interface WalletErrorDetails {
  boxCode?: number;
  declineCode?: string;
  declinedBy?: 'acquirer' | 'controls';
  cloudCode?: string;
  status?: number;
  /** The payment this error happened to, when one exists (its id is not a secret). */
  paymentId?: string;
}

export class WalletError extends Error {
  readonly code: WalletErrorCode;
  readonly details: WalletErrorDetails;

  constructor(code: WalletErrorCode, message: string, details: WalletErrorDetails = {}) {
    super(message);
    this.name = 'WalletError';
    this.code = code;
    this.details = details;
  }
}

export function isWalletError(error: unknown, code?: WalletErrorCode): error is WalletError {
  return error instanceof WalletError && (code === undefined || error.code === code);
}
