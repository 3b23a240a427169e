// What a wallet needs to show and reach a box: who sells, what it costs, how to find it over BLE.
import { eq, sql } from 'drizzle-orm';
import { GATT, SCENARIO } from '../../../shared/protocol/constants.ts';
import type { Executor } from '../../db/open.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { boxes, merchandise, merchants, stores } from '../../db/schema/index.ts';

/** Timeouts a wallet applies around the BLE session; the box enforces its own (AUTH lifetime, IV lifetime). */
export const BLE_TIMEOUTS = { scanMs: 15_000, connectMs: 10_000, replyMs: 5_000 } as const;

const SCENARIO_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(SCENARIO).map(([name, code]) => [code, name.toLowerCase()]),
);

export interface ResolvedBox {
  box: { id: string; scenario: { code: number; name: string }; status: string };
  merchant: { id: string; name: string; status: string };
  store: { id: string; name: string };
  merchandise: { sku: string; name: string; priceMinor: number; currency: string; scenarioParams: Record<string, unknown> }[];
  ble: { serviceUuid: string; rssiMin: number; scanTimeoutMs: number; connectTimeoutMs: number; replyTimeoutMs: number };
}

const placedBox = preparedQuery((db) => db
  .select({ box: boxes, store: stores, merchant: merchants })
  .from(boxes)
  .innerJoin(stores, eq(stores.id, boxes.storeId))
  .innerJoin(merchants, eq(merchants.id, stores.merchantId))
  .where(eq(boxes.id, sql.placeholder('boxId')))
  .prepare());

const storeMerchandise = preparedQuery((db) => db.select().from(merchandise)
  .where(eq(merchandise.storeId, sql.placeholder('storeId'))).orderBy(merchandise.sku).prepare());

/** The box with its merchant, store, merchandise and BLE hints, or undefined when there is no such box. */
export function describeBox(db: Executor, boxId: string): ResolvedBox | undefined {
  const row = placedBox(db).get({ boxId });
  if (!row) return undefined;
  const items = storeMerchandise(db).all({ storeId: row.store.id });
  return {
    box: { id: row.box.id, scenario: { code: row.box.scenario, name: SCENARIO_NAMES[row.box.scenario] ?? 'unknown' }, status: row.box.status },
    merchant: { id: row.merchant.id, name: row.merchant.name, status: row.merchant.status },
    store: { id: row.store.id, name: row.store.name },
    merchandise: items.map((m) => ({ sku: m.sku, name: m.name, priceMinor: m.priceMinor, currency: m.currency, scenarioParams: m.scenarioParams })),
    ble: {
      serviceUuid: GATT.SERVICE, rssiMin: row.box.rssiMin,
      scanTimeoutMs: BLE_TIMEOUTS.scanMs, connectTimeoutMs: BLE_TIMEOUTS.connectMs, replyTimeoutMs: BLE_TIMEOUTS.replyMs,
    },
  };
}
