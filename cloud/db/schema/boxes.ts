import { blob, check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { merchants, stores } from './merchants.ts';

export const boxes = sqliteTable(
  'boxes',
  {
    /** The 8-byte box id as 16 lower-case hex digits, as the box reports it in HELLO. */
    id: text('id').primaryKey(),
    /** Null until the box is activated (assigned to a store and machine). */
    storeId: text('store_id').references(() => stores.id),
    /** The merchant the box was shipped to; set before activation so a merchant sees boxes it has not placed yet. */
    merchantId: text('merchant_id').references(() => merchants.id),
    /** `puckjs`, `pixljs` or `mdbt42q`. */
    board: text('board'),
    /** The machine the box drives, as the merchant names it (e.g. "Washer 3"). */
    machineName: text('machine_name'),
    activatedAt: integer('activated_at'),
    /** Last battery level a box reported (percent). */
    batteryPercent: integer('battery_percent'),
    /** The configuration the operator set (CONFIG telegram fields) and its version; the box confirms it applied. */
    config: text('config', { mode: 'json' }).$type<Record<string, unknown>>(),
    configVersion: integer('config_version').notNull().default(0),
    appliedConfigVersion: integer('applied_config_version').notNull().default(0),
    /** SCENARIO code from shared/protocol/constants.ts. */
    scenario: integer('scenario').notNull(),
    status: text('status', { enum: ['active', 'blocked', 'lost', 'stolen', 'retired'] }).notNull().default('active'),
    /** Highest transaction counter seen from the box; gaps, repeats and decreases are flagged against it. */
    counter: integer('counter').notNull().default(0),
    firmwareVersion: text('firmware_version'),
    /** Weakest signal (dBm) at which a wallet should connect: keeps a phone from paying the machine next door. */
    rssiMin: integer('rssi_min').notNull().default(-75),
    lastSeenAt: integer('last_seen_at'),
    /** Seed 003's per-box limits, minor units / payments; null means no limit. */
    maxPerTransactionMinor: integer('max_per_transaction_minor'),
    dailyAmountMinor: integer('daily_amount_minor'),
    dailyCount: integer('daily_count'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('boxes_store_idx').on(t.storeId),
    check('boxes_id_hex', sql`length(${t.id}) = 16 and ${t.id} not glob '*[^0-9a-f]*'`),
  ],
);

export const boxKeys = sqliteTable(
  'box_keys',
  {
    boxId: text('box_id').notNull().references(() => boxes.id),
    /** uint8 on the wire; HKDF info binds it, so every version has its own keys. */
    keyVersion: integer('key_version').notNull(),
    /** The master secret sealed with AES-256-GCM under the KEK (see cloud/crypto/seal.ts); never the secret. */
    sealedSecret: blob('sealed_secret', { mode: 'buffer' }).notNull(),
    status: text('status', { enum: ['active', 'retired'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    retiredAt: integer('retired_at'),
  },
  (t) => [
    primaryKey({ columns: [t.boxId, t.keyVersion] }),
    check('box_keys_version_uint8', sql`${t.keyVersion} between 0 and 255`),
  ],
);
