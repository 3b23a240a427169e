import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { merchants } from './merchants.ts';

/**
 * Keys that sign a merchant's printed EMV QR codes (the WayGo signature template). The key id is printed in
 * the QR; the key itself is sealed under the KEK and never leaves the cloud, so only the cloud can tell a
 * genuine sticker from one printed over it.
 */
export const merchantQrKeys = sqliteTable(
  'merchant_qr_keys',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id').notNull().references(() => merchants.id),
    sealedKey: blob('sealed_key', { mode: 'buffer' }).notNull(),
    status: text('status', { enum: ['active', 'retired'] }).notNull().default('active'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('merchant_qr_keys_merchant_idx').on(t.merchantId)],
);
