// The six machines of the demo, one per scenario, boards mixed: what the store sells at each, the CONFIG the box
// gets (the box checks amount = units × unitPrice, so unitPrice is the price per machine unit the cloud computes
// from the merchandise), and what the customer buys.
import { SCENARIO } from '../../shared/protocol/constants.ts';
import type { Fields } from '../../shared/protocol/types.ts';

export const CURRENCY = 'TWD';
export const CURRENCY_NUMERIC = 901;

export interface DemoMachine {
  boxId: string;
  board: 'puckjs' | 'pixljs' | 'mdbt42q';
  machineName: string;
  scenario: number;
  label: string;
  /** What the store sells at this machine (absent at the merchant counter, which takes an amount). */
  merchandise?: { sku: string; name: string; priceMinor: number; scenarioParams: Record<string, number> };
  /** The CONFIG telegram's fields beyond the common ones. */
  config: Fields;
  /** The customer's order. */
  order: { sku: string } | { amountMinor: number };
}

export const MACHINES: DemoMachine[] = [
  {
    boxId: 'de00000000000001', board: 'puckjs', machineName: 'Washer 1', scenario: SCENARIO.PAY_BY_TIME, label: 'pay by time',
    merchandise: { sku: 'WASH-30', name: '30 minutes wash', priceMinor: 3000, scenarioParams: { minutes: 30 } },
    config: { outputMask: 1, unitPrice: 100, unitSeconds: 60 }, order: { sku: 'WASH-30' },
  },
  {
    boxId: 'de00000000000002', board: 'pixljs', machineName: 'Crane game', scenario: SCENARIO.PAY_BY_COUNT, label: 'pay by count',
    merchandise: { sku: 'PLAY-2', name: 'Two plays', priceMinor: 2000, scenarioParams: { count: 2 } },
    config: { outputMask: 1, unitPrice: 1000, pulseMs: 100, gapMs: 150, pulsesPerUnit: 1 }, order: { sku: 'PLAY-2' },
  },
  {
    boxId: 'de00000000000003', board: 'mdbt42q', machineName: 'Deposit locker 3', scenario: SCENARIO.ONCE_LOCKER, label: 'once locker',
    merchandise: { sku: 'LOCK-1H', name: 'Locker, one hour', priceMinor: 2000, scenarioParams: { hours: 1 } },
    config: { outputMask: 1, unitPrice: 2000, unitSeconds: 3600, pulseMs: 300 }, order: { sku: 'LOCK-1H' },
  },
  {
    boxId: 'de00000000000004', board: 'puckjs', machineName: 'Rental room door', scenario: SCENARIO.MULTI_LOCKER, label: 'multiple-times locker',
    merchandise: { sku: 'ROOM-2H', name: 'Room, two hours', priceMinor: 10000, scenarioParams: { hours: 2 } },
    config: { outputMask: 1, unitPrice: 5000, unitSeconds: 3600, pulseMs: 300, inputRoles: 0x02 }, order: { sku: 'ROOM-2H' },
  },
  {
    boxId: 'de00000000000005', board: 'mdbt42q', machineName: 'Beer machine', scenario: SCENARIO.DIGITAL_INTERFACE, label: 'digital interface',
    merchandise: { sku: 'BEER-L', name: 'Large draft beer', priceMinor: 12000, scenarioParams: { machineSku: 77 } },
    config: { outputMask: 0, uartBaud: 9600, options: 2 }, order: { sku: 'BEER-L' },
  },
  {
    boxId: 'de00000000000006', board: 'pixljs', machineName: 'Shop counter', scenario: SCENARIO.MERCHANT_COUNTER, label: 'merchant counter',
    config: { outputMask: 0 }, order: { amountMinor: 1250 },
  },
];

const CONFIG_COMMON: Fields = {
  configVersion: 1, outputMask: 0, activeLevels: 1, inputRoles: 0, pulseMs: 0, gapMs: 0, pulsesPerUnit: 0, rssiMin: 0,
  unitSeconds: 0, unitPrice: 0, currency: CURRENCY_NUMERIC, maxAmount: 100_000, uartBaud: 0, uartFraming: 0, options: 0,
};

/** The machine's whole CONFIG telegram payload (without txnId and times, which the sealer adds). */
export function configOf(machine: DemoMachine): Fields {
  return { ...CONFIG_COMMON, scenario: machine.scenario, ...machine.config };
}
