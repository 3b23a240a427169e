import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { boxes } from './boxes.ts';
import { walletApps } from './wallet-apps.ts';

export const PAYMENT_STATES = ['request', 'accept', 'finish', 'declined', 'expired', 'canceled', 'failed', 'refunded'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    /** The transaction id carried in the PAYMENT telegram; unique per box so the box can refuse duplicates. */
    txnId: integer('txn_id').notNull(),
    boxId: text('box_id').notNull().references(() => boxes.id),
    walletAppId: text('wallet_app_id').notNull().references(() => walletApps.id),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    state: text('state', { enum: PAYMENT_STATES }).notNull(),
    idempotencyKey: text('idempotency_key'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('payments_box_txn_idx').on(t.boxId, t.txnId),
    index('payments_wallet_created_idx').on(t.walletAppId, t.createdAt),
    check('payments_amount_positive', sql`${t.amountMinor} > 0`),
  ],
);

/** Every state a payment has been in, in order; the payment row holds only the latest. */
export const paymentEvents = sqliteTable(
  'payment_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paymentId: text('payment_id').notNull().references(() => payments.id),
    fromState: text('from_state', { enum: PAYMENT_STATES }),
    toState: text('to_state', { enum: PAYMENT_STATES }).notNull(),
    reason: text('reason'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('payment_events_payment_idx').on(t.paymentId, t.id)],
);
