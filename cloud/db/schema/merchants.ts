import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Times are integer milliseconds since the epoch and money is integer minor units in every table: both map
// to BIGINT on PostgreSQL without conversion.

export const merchants = sqliteTable('merchants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The merchant code printed on statements (seed 000's 特約商店代號); unique when set. */
  code: text('code').unique(),
  status: text('status', { enum: ['active', 'suspended', 'closed'] }).notNull().default('active'),
  createdAt: integer('created_at').notNull(),
});

export const stores = sqliteTable(
  'stores',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id').notNull().references(() => merchants.id),
    name: text('name').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('stores_merchant_idx').on(t.merchantId)],
);
