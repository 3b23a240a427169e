// OpenWallet SDK: the public face. Runs in Node and in browsers (no Node API in the core); the Node BLE transport
// loads its optional native package only when used.
export { createWallet, type Wallet, type WalletOptions } from './wallet/create-wallet.ts';
export type { PayRequest, PaymentOutcome, PaymentResult, PaymentStats } from './wallet/pay.ts';
export type { VerifiedPeripheral, VerifyOptions } from './wallet/authenticity.ts';
export type { BoxReceipt, IvKey } from './wallet/payment-steps.ts';
export type { DiscoverOptions } from './wallet/discover.ts';
export type { Peripheral } from './wallet/peripheral.ts';
export { DEFAULT_TIMEOUTS, type Timeouts } from './wallet/context.ts';
export { pay } from './pay.ts';
export { WalletError, isWalletError, type WalletErrorCode, type WalletErrorDetails } from './errors.ts';
export { realClock, type Clock } from './clock.ts';
export { silentLogger, type LogFields, type Logger } from './logger.ts';
export { CloudClient, type CloudOptions, type RequestSigning } from './cloud/client.ts';
export type { BoxCommand, CloudPayment, CloudSession, Order, PaymentAnswer, ResolveTarget, ResolvedBox } from './cloud/types.ts';
export { signRequest, fromBase64Url, type WalletCredentials, type SignParts } from './cloud/signing.ts';
export { requestBoundChallenge } from './cloud/challenge.ts';
export type { Connection, ScanOptions, ScanResult, Transport } from './transports/types.ts';
export {
  createSimulatedTransport, type LinkEvent, type SimBox, type SimLink, type SimulatedTransport, type SimulatedTransportOptions,
} from './transports/simulated.ts';
export { createWebBluetoothTransport } from './transports/web-bluetooth.ts';
export { createNobleTransport, type Noble, type NobleCharacteristic, type NoblePeripheral, type NobleTransportOptions } from './transports/node-ble/index.ts';
