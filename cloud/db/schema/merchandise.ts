import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { stores } from './merchants.ts';

export const merchandise = sqliteTable(
  'merchandise',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull().references(() => stores.id),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    priceMinor: integer('price_minor').notNull(),
    /** ISO 4217 alphabetic code. */
    currency: text('currency').notNull(),
    /** Per-scenario settings (minutes per unit, locker number …), validated by the scenario's own schema. */
    scenarioParams: text('scenario_params', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('merchandise_store_sku_idx').on(t.storeId, t.sku),
    check('merchandise_price_nonnegative', sql`${t.priceMinor} >= 0`),
  ],
);
