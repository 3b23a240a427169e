// The six machine scenarios as the cloud sells them (merchandise) and as the box is configured (CONFIG): the two
// agree so that amount = machine units × unitPrice, which the box checks.
import { SCENARIO } from '../../shared/protocol/index.ts';
import type { Fields } from '../../shared/protocol/index.ts';
import type { Order } from '../../sdk/index.ts';

export interface ScenarioBox {
  name: string;
  boxId: string;
  scenario: number;
  /** Merchandise of the box's store: sku → price and scenario parameters. */
  merchandise: { sku: string; priceMinor: number; scenarioParams: Record<string, unknown> }[];
  config: Fields;
  order: Order;
  /** What the machine sees for `order`: output activations and VEND frames. */
  action: { activations: number; vends: number };
}

export const SCENARIO_BOXES: ScenarioBox[] = [
  {
    name: 'washer', boxId: 'e2e0000000000001', scenario: SCENARIO.PAY_BY_TIME,
    merchandise: [{ sku: 'WASH-10', priceMinor: 100, scenarioParams: { minutes: 10 } }, { sku: 'DECLINE', priceMinor: 905, scenarioParams: { minutes: 1 } }],
    config: { unitPrice: 10, unitSeconds: 60 }, order: { sku: 'WASH-10' }, action: { activations: 1, vends: 0 },
  },
  {
    name: 'crane', boxId: 'e2e0000000000002', scenario: SCENARIO.PAY_BY_COUNT,
    merchandise: [{ sku: 'PLAY', priceMinor: 50, scenarioParams: { count: 1 } }],
    config: { unitPrice: 50, pulseMs: 40, gapMs: 60, pulsesPerUnit: 2 }, order: { sku: 'PLAY', units: 2 }, action: { activations: 4, vends: 0 },
  },
  {
    name: 'deposit', boxId: 'e2e0000000000003', scenario: SCENARIO.ONCE_LOCKER,
    merchandise: [{ sku: 'HOUR', priceMinor: 300, scenarioParams: { hours: 1 } }],
    config: { unitPrice: 300, unitSeconds: 3600, pulseMs: 250 }, order: { sku: 'HOUR' }, action: { activations: 1, vends: 0 },
  },
  {
    name: 'room', boxId: 'e2e0000000000004', scenario: SCENARIO.MULTI_LOCKER,
    merchandise: [{ sku: 'ROOM-1H', priceMinor: 800, scenarioParams: { hours: 1 } }],
    config: { unitPrice: 800, unitSeconds: 3600, pulseMs: 100, inputRoles: 0x02 }, order: { sku: 'ROOM-1H' }, action: { activations: 1, vends: 0 },
  },
  {
    name: 'vending', boxId: 'e2e0000000000005', scenario: SCENARIO.DIGITAL_INTERFACE,
    merchandise: [{ sku: 'COLA', priceMinor: 150, scenarioParams: { machineSku: 77 } }],
    config: { unitPrice: 150, uartBaud: 9600, options: 2 }, order: { sku: 'COLA', units: 2 }, action: { activations: 0, vends: 1 },
  },
  {
    name: 'counter', boxId: 'e2e0000000000006', scenario: SCENARIO.MERCHANT_COUNTER,
    merchandise: [],
    config: { maxAmount: 50_000, outputMask: 0 }, order: { amountMinor: 1250, currency: 'JPY' }, action: { activations: 0, vends: 0 },
  },
];

export function scenarioBox(name: string): ScenarioBox {
  const found = SCENARIO_BOXES.find((b) => b.name === name);
  if (found === undefined) throw new Error(`no scenario box ${name}`);
  return found;
}
