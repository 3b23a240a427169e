export { createHttpAcquirer } from './acquirer.ts';
export type { HttpAcquirer, HttpAcquirerOptions } from './acquirer.ts';
export { verifyGatewayCallback } from './callback.ts';
export type { VerifyCallbackOptions } from './callback.ts';
export { chargeKey, refundKey, SIGNATURE_HEADER } from './protocol.ts';
export type { GatewayChargeBody, GatewayRefundBody } from './protocol.ts';
