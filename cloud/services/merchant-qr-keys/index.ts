export { createMerchantQrKey, signMerchantQr, verifyMerchantQr } from './service.ts';
export type { MerchantQrKeyOptions, QrSignatureVerdict } from './service.ts';
