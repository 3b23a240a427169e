export { createSimulatorAcquirer, simulatedChargeRef, simulatedRefundRef } from './simulator.ts';
export type { SimulatedRefund, SimulatorAcquirer, SimulatorLedgerEntry } from './simulator.ts';
export { MAGIC_CHARGES, MAGIC_REFUNDS, magicCharge, magicRefund } from './magic.ts';
export type { MagicCharge, MagicRefund } from './magic.ts';
