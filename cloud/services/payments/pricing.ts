// What a payment costs and what it tells the machine. With a SKU the price comes from the merchandise row and
// the wallet's amount is never asked for; an amount typed by the customer is taken only at a merchant counter,
// where the amount is the whole point and staff see it on the box.
import { and, eq, sql } from 'drizzle-orm';
import { SCENARIO } from '../../../shared/protocol/constants.ts';
import type { Executor } from '../../db/open.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { merchandise } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';

/** The telegram's amount is a uint32 and units a uint16. */
export const MAX_AMOUNT_MINOR = 0xffffffff;
export const MAX_MACHINE_UNITS = 0xffff;

export type Order = { sku: string; units: number } | { amountMinor: number; currency: string; units: number };

export interface Priced {
  sku: string | null;
  units: number;
  amountMinor: number;
  currency: string;
  machineUnits: number;
  /** The telegram's `sku` (digital interface), 0 = none. */
  machineSku: number;
  outputIndex: number;
}

/** Which scenario parameter says how many machine units one item buys. */
const UNIT_PARAM: Record<number, string> = {
  [SCENARIO.PAY_BY_TIME]: 'minutes',
  [SCENARIO.PAY_BY_COUNT]: 'count',
  [SCENARIO.ONCE_LOCKER]: 'hours',
  [SCENARIO.MULTI_LOCKER]: 'hours',
};

function whole(params: Record<string, unknown>, name: string, fallback: number, max: number): number {
  const value = params[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new CloudError('merchandise_invalid', `merchandise parameter ${name} is not a whole number 0..${max}`);
  }
  return value;
}

function checkAmount(amountMinor: number): void {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0 || amountMinor > MAX_AMOUNT_MINOR) {
    throw new CloudError('amount_invalid', `the amount must be 1..${MAX_AMOUNT_MINOR} minor units`);
  }
}

function checkMachineUnits(units: number): void {
  if (units > MAX_MACHINE_UNITS) throw new CloudError('units_invalid', `the order is more than ${MAX_MACHINE_UNITS} machine units`);
}

const itemOf = preparedQuery((db) => db.select().from(merchandise)
  .where(and(eq(merchandise.storeId, sql.placeholder('storeId')), eq(merchandise.sku, sql.placeholder('sku')))).prepare());

export function priceOrder(db: Executor, box: { storeId: string; scenario: number }, order: Order): Priced {
  if ('sku' in order) {
    const item = itemOf(db).get({ storeId: box.storeId, sku: order.sku });
    if (!item) throw new CloudError('merchandise_not_found', 'the box\'s store sells no such SKU');
    const amountMinor = item.priceMinor * order.units;
    checkAmount(amountMinor);
    const param = UNIT_PARAM[box.scenario];
    const perItem = param === undefined ? 1 : whole(item.scenarioParams, param, 1, MAX_MACHINE_UNITS);
    const machineUnits = perItem * order.units;
    checkMachineUnits(machineUnits);
    return {
      sku: item.sku, units: order.units, amountMinor, currency: item.currency, machineUnits,
      machineSku: whole(item.scenarioParams, 'machineSku', 0, 0xffffffff),
      outputIndex: whole(item.scenarioParams, 'outputIndex', 0, 3),
    };
  }
  if (box.scenario !== SCENARIO.MERCHANT_COUNTER) {
    throw new CloudError('sku_required', 'this box sells merchandise: pay for a SKU, not an amount');
  }
  checkAmount(order.amountMinor);
  checkMachineUnits(order.units);
  return { sku: null, units: order.units, amountMinor: order.amountMinor, currency: order.currency, machineUnits: order.units, machineSku: 0, outputIndex: 0 };
}
