import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { boxes } from './boxes.ts';
import { merchants } from './merchants.ts';

/** Shipping information imported from the factory's CSV, one row per box shipped. */
export const boxShipments = sqliteTable(
  'box_shipments',
  {
    boxId: text('box_id').primaryKey().references(() => boxes.id),
    serial: text('serial').notNull(),
    merchantId: text('merchant_id').references(() => merchants.id),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    destination: text('destination'),
    shippedAt: integer('shipped_at'),
    importedAt: integer('imported_at').notNull(),
    importedBy: text('imported_by').notNull(),
  },
  (t) => [index('box_shipments_merchant_idx').on(t.merchantId)],
);

/**
 * Telegrams the cloud owes a box (CONFIG, KEY_ROTATION, CLOCK). They are sealed only when a wallet's session
 * hands over the box's one-time IV, so a row holds the plaintext fields, never a key.
 */
export const boxCommands = sqliteTable(
  'box_commands',
  {
    id: text('id').primaryKey(),
    boxId: text('box_id').notNull().references(() => boxes.id),
    kind: text('kind', { enum: ['config', 'key_rotation', 'clock'] }).notNull(),
    /** JSON of the telegram's fields (no key material: a KEY_ROTATION names the key version only). */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    state: text('state', { enum: ['pending', 'delivered', 'applied', 'failed', 'superseded'] }).notNull(),
    /** Transaction id of the telegram once sealed, hex. */
    txnId: text('txn_id'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('box_commands_box_state_idx').on(t.boxId, t.state)],
);

/** Each merchant's acquirer: which gateway, its public settings, and its secret sealed under the KEK. */
export const acquirerSettings = sqliteTable('acquirer_settings', {
  merchantId: text('merchant_id').primaryKey().references(() => merchants.id),
  kind: text('kind', { enum: ['simulator', 'http'] }).notNull(),
  /** Non-secret settings (gateway URL, merchant id at the acquirer…). */
  settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  sealedSecret: blob('sealed_secret', { mode: 'buffer' }),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});
