export { acquirerConfigSchema, parseAcquirerConfig } from './config.ts';
export type { AcquirerConfig, HttpAcquirerConfig } from './config.ts';
export { createAcquirer } from './factory.ts';
export type { AcquirerDependencies } from './factory.ts';
export { createHttpAcquirer, verifyGatewayCallback } from './http/index.ts';
export type { HttpAcquirer, HttpAcquirerOptions } from './http/index.ts';
export { createSimulatorAcquirer, MAGIC_CHARGES, MAGIC_REFUNDS } from './simulator/index.ts';
export type { SimulatorAcquirer, SimulatorLedgerEntry } from './simulator/index.ts';
export type {
  Acquirer, AcquirerCallback, CallbackHeaders, ChargeRequest, ChargeResult, RefundRequest, RefundResult,
} from './types.ts';
