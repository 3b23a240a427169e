export { createNobleTransport, type NobleTransportOptions } from './noble-transport.ts';
export type { Noble, NobleCharacteristic, NoblePeripheral } from './noble-types.ts';
