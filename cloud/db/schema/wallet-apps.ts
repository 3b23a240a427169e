import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const walletApps = sqliteTable(
  'wallet_apps',
  {
    /** The key id a wallet app names in its signed requests. */
    id: text('id').primaryKey(),
    /**
     * The uint32 `walletId` the box sees in AUTH and PAYMENT telegrams, assigned by createWalletApp from 1 up and
     * never reused. The default 0 exists only because SQLite cannot add a NOT NULL column without one; 0 is never
     * issued.
     */
    walletId: integer('wallet_id').notNull().default(0).unique(),
    name: text('name').notNull(),
    /** The app's request-signing key sealed under the KEK, like box master secrets. */
    sealedSigningKey: blob('sealed_signing_key', { mode: 'buffer' }).notNull(),
    status: text('status', { enum: ['active', 'suspended', 'revoked'] }).notNull().default('active'),
    /** Daily limits over all of this app's payments; null means no limit. */
    dailyAmountMinor: integer('daily_amount_minor'),
    dailyCount: integer('daily_count'),
    createdAt: integer('created_at').notNull(),
  },
);

/**
 * Nonces of accepted wallet requests, kept until the request's timestamp leaves the accepted window: a request
 * replayed inside the window finds its nonce here, one replayed later fails the timestamp check.
 */
export const walletRequestNonces = sqliteTable(
  'wallet_request_nonces',
  {
    walletAppId: text('wallet_app_id').notNull().references(() => walletApps.id),
    nonce: text('nonce').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.walletAppId, t.nonce] }), index('wallet_request_nonces_expires_idx').on(t.expiresAt)],
);
