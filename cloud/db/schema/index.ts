export { merchants, stores } from './merchants.ts';
export { boxes, boxKeys } from './boxes.ts';
export { walletApps } from './wallet-apps.ts';
export { merchandise } from './merchandise.ts';
export { PAYMENT_STATES, paymentEvents, payments } from './payments.ts';
export type { PaymentState } from './payments.ts';
export { idempotencyKeys } from './idempotency-keys.ts';
export { auditLog } from './audit-log.ts';
