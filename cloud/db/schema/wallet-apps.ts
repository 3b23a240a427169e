import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const walletApps = sqliteTable('wallet_apps', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The app's request-signing key sealed under the KEK, like box master secrets. */
  sealedSigningKey: blob('sealed_signing_key', { mode: 'buffer' }).notNull(),
  status: text('status', { enum: ['active', 'suspended', 'revoked'] }).notNull().default('active'),
  createdAt: integer('created_at').notNull(),
});
