// createWallet: one object holding the transport, the signed cloud client and the limits, with the seed's calls
// and pay() bound to it.
import { realClock } from '../clock.ts';
import { CloudClient, type CloudOptions } from '../cloud/client.ts';
import type { ResolveTarget, ResolvedBox } from '../cloud/types.ts';
import { silentLogger, type Logger } from '../logger.ts';
import type { Transport } from '../transports/types.ts';
import { doVerifyPeripheralAuthenticity, type VerifiedPeripheral, type VerifyOptions } from './authenticity.ts';
import { relayBoxCommands } from './commands.ts';
import { DEFAULT_TIMEOUTS, type Timeouts, type WalletContext } from './context.ts';
import {
  discoverNearbyPeripheralBySignalStrength, discoverNearbyPeripherals, discoverNearbySpecificPeripheral, type DiscoverOptions,
} from './discover.ts';
import { pay, type PayRequest, type PaymentResult } from './pay.ts';
import {
  doGetPeripheralIvKey, doMobilePaymentVerificationWithDataWithMachineControl, type BoxReceipt, type IvKey,
} from './payment-steps.ts';
import type { Peripheral } from './peripheral.ts';

export interface WalletOptions {
  transport: Transport;
  cloud: CloudOptions;
  logger?: Logger;
  timeouts?: Partial<Timeouts>;
}

export interface Wallet {
  discoverNearbyPeripherals(options?: DiscoverOptions): Promise<Peripheral[]>;
  discoverNearbyPeripheralBySignalStrength(rssiMin: number, options?: DiscoverOptions): Promise<Peripheral>;
  discoverNearbySpecificPeripheral(boxId: string, options?: DiscoverOptions): Promise<Peripheral>;
  doVerifyPeripheralAuthenticity(peripheral: Peripheral, options?: VerifyOptions): Promise<VerifiedPeripheral>;
  doGetPeripheralIvKey(verified: VerifiedPeripheral): Promise<IvKey>;
  doMobilePaymentVerificationWithDataWithMachineControl(verified: VerifiedPeripheral, telegram: string): Promise<BoxReceipt>;
  /** What a QR code, box id or advertising id stands for: merchant, store, merchandise and prices. */
  resolve(target: ResolveTarget): Promise<ResolvedBox>;
  pay(request: PayRequest): Promise<PaymentResult>;
  /** Carries the commands the cloud owes the box (when the session has MANAGE); returns how many the box answered. */
  relayBoxCommands(verified: VerifiedPeripheral): Promise<number>;
  /** The signed wallet API, for calls pay() does not make (status, cancel, reseal). */
  readonly cloud: CloudClient;
}

export function createWallet(options: WalletOptions): Wallet {
  const ctx: WalletContext = {
    transport: options.transport,
    cloud: new CloudClient(options.cloud),
    keyId: options.cloud.keyId,
    clock: options.transport.clock ?? realClock,
    logger: options.logger ?? silentLogger,
    timeouts: { ...DEFAULT_TIMEOUTS, ...options.timeouts },
  };
  return {
    discoverNearbyPeripherals: (o) => discoverNearbyPeripherals(ctx, o),
    discoverNearbyPeripheralBySignalStrength: (rssiMin, o) => discoverNearbyPeripheralBySignalStrength(ctx, rssiMin, o),
    discoverNearbySpecificPeripheral: (boxId, o) => discoverNearbySpecificPeripheral(ctx, boxId, o),
    doVerifyPeripheralAuthenticity: (p, o) => doVerifyPeripheralAuthenticity(ctx, p, o),
    doGetPeripheralIvKey: (v) => doGetPeripheralIvKey(ctx, v),
    doMobilePaymentVerificationWithDataWithMachineControl: (v, t) => doMobilePaymentVerificationWithDataWithMachineControl(ctx, v, t),
    resolve: (target) => ctx.cloud.resolve(target),
    pay: (request) => pay(ctx, request),
    relayBoxCommands: (v) => relayBoxCommands(ctx, v),
    cloud: ctx.cloud,
  };
}
