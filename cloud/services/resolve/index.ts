export { BLE_TIMEOUTS, describeBox } from './service.ts';
export type { ResolvedBox } from './service.ts';
