export { SIGNING_KEY_BYTES, createWalletApp, disableWalletApp, loadActiveWalletApp } from './service.ts';
export type { ActiveWalletApp, CreatedWalletApp, WalletAppOptions } from './service.ts';
export { nonceRecorded, recordNonce } from './nonces.ts';
