/** A step of the wallet path went wrong; `code` is the cloud's error code or what the box did. */
export class WalletFlowError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'WalletFlowError';
    this.code = code;
  }
}
