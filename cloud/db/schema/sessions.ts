import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { boxes } from './boxes.ts';
import { walletApps } from './wallet-apps.ts';

/** HELLO_REQUEST challenges the cloud issued: single use, short-lived, for one app and one box. */
export const walletChallenges = sqliteTable(
  'wallet_challenges',
  {
    /** 16 random bytes as 32 hex digits. */
    challenge: text('challenge').primaryKey(),
    walletAppId: text('wallet_app_id').notNull().references(() => walletApps.id),
    boxId: text('box_id').notNull().references(() => boxes.id),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [index('wallet_challenges_expires_idx').on(t.expiresAt)],
);

/** One verified HELLO and the AUTH ticket issued for it: what the box reported, for counter coherence later. */
export const boxSessions = sqliteTable(
  'box_sessions',
  {
    id: text('id').primaryKey(),
    boxId: text('box_id').notNull().references(() => boxes.id),
    walletAppId: text('wallet_app_id').notNull().references(() => walletApps.id),
    keyVersion: integer('key_version').notNull(),
    /** The box's per-connection nonce the ticket is bound to, 32 hex digits. */
    boxNonce: text('box_nonce').notNull(),
    /** HELLO `counter`: transactions the box has run. Recorded as reported; coherence is checked against boxes.counter. */
    counter: integer('counter').notNull(),
    flags: integer('flags').notNull(),
    firmwareVersion: integer('firmware_version').notNull(),
    /** HELLO `clock`, Unix seconds, 0 when the box's clock is unset. */
    boxClock: integer('box_clock').notNull(),
    rights: integer('rights').notNull(),
    createdAt: integer('created_at').notNull(),
    ticketExpiresAt: integer('ticket_expires_at').notNull(),
  },
  (t) => [index('box_sessions_box_wallet_idx').on(t.boxId, t.walletAppId, t.createdAt)],
);
