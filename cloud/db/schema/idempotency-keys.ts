import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Stripe's semantics: same key and body → the stored response; same key, other body → 409. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    /** Whose key it is (a wallet app id): two apps may pick the same key. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body, to tell a retry from a different request under the same key. */
    requestDigest: text('request_digest').notNull(),
    status: text('status', { enum: ['in_progress', 'done'] }).notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
