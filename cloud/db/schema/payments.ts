import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { boxes } from './boxes.ts';
import { merchants, stores } from './merchants.ts';
import { walletApps } from './wallet-apps.ts';

export const PAYMENT_STATES = ['request', 'accept', 'finish', 'declined', 'expired', 'canceled', 'failed', 'refunded'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];
export const CHARGE_STATUSES = ['none', 'pending', 'approved', 'declined'] as const;
export type ChargeStatus = (typeof CHARGE_STATUSES)[number];
export const REFUND_STATES = ['pending', 'refunded', 'failed'] as const;

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    /** The transaction id carried in the PAYMENT telegram; unique per box so the box can refuse duplicates. */
    txnId: integer('txn_id').notNull(),
    boxId: text('box_id').notNull().references(() => boxes.id),
    /**
     * Whose payment it is, fixed when it is created: a box moved to another store or merchant later does not take
     * its payment history along.
     */
    merchantId: text('merchant_id').notNull().references(() => merchants.id),
    storeId: text('store_id').notNull().references(() => stores.id),
    walletAppId: text('wallet_app_id').notNull().references(() => walletApps.id),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    state: text('state', { enum: PAYMENT_STATES }).notNull(),
    idempotencyKey: text('idempotency_key'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** The session (verified HELLO) the wallet paid in, when it named one. */
    sessionId: text('session_id'),
    /** Merchandise SKU, or null for an amount typed at a merchant counter. */
    sku: text('sku'),
    /** Items bought, as the wallet asked. */
    units: integer('units').notNull().default(1),
    /** What the PAYMENT telegram tells the machine: minutes, pulses, hours or quantity. */
    machineUnits: integer('machine_units').notNull().default(0),
    scenario: integer('scenario').notNull().default(0),
    /** The telegram's machine SKU (digital interface, 0 = none) and output, kept so a reseal says the same. */
    machineSku: integer('machine_sku').notNull().default(0),
    outputIndex: integer('output_index').notNull().default(0),
    /** Box key version the telegram was sealed under; the receipt's MAC is checked with it. */
    keyVersion: integer('key_version'),
    acquirer: text('acquirer'),
    chargeStatus: text('charge_status', { enum: CHARGE_STATUSES }).notNull().default('none'),
    acquirerRef: text('acquirer_ref'),
    /** The acquirer's or the controls' refusal code of a Declined payment. */
    declineCode: text('decline_code'),
    /** Partial refunds are an amount, not a state: the payment becomes Refunded when this reaches amountMinor. */
    refundedMinor: integer('refunded_minor').notNull().default(0),
    /** Past this (ms) the sweeper expires a payment still in Request or Accept. */
    expiresAt: integer('expires_at').notNull().default(0),
    /** STATUS of the box's receipt that settled the payment (the original one for a DUPLICATE). */
    receiptStatus: integer('receipt_status'),
    /** Controls' review flags (JSON array of codes), null when none. */
    flags: text('flags'),
  },
  (t) => [
    uniqueIndex('payments_box_txn_idx').on(t.boxId, t.txnId),
    index('payments_wallet_created_idx').on(t.walletAppId, t.createdAt),
    index('payments_box_created_idx').on(t.boxId, t.createdAt),
    index('payments_state_expires_idx').on(t.state, t.expiresAt),
    // The operator's transaction query and CSV export page newest first over every payment.
    index('payments_created_idx').on(t.createdAt, t.id),
    // A merchant account's or a store's transaction query pages newest first within its own payments.
    index('payments_merchant_created_idx').on(t.merchantId, t.createdAt, t.id),
    index('payments_store_created_idx').on(t.storeId, t.createdAt, t.id),
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

/** The box's RECEIPT messages as posted, each with what the cloud made of it. */
export const paymentReceipts = sqliteTable(
  'payment_receipts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paymentId: text('payment_id').notNull().references(() => payments.id),
    boxId: text('box_id').notNull().references(() => boxes.id),
    status: integer('status').notNull(),
    detail: integer('detail').notNull(),
    counter: integer('counter').notNull(),
    logSeq: integer('log_seq').notNull(),
    /** RECEIPT `time`, Unix seconds by the box's clock (0 when unset). */
    boxTime: integer('box_time').notNull(),
    /** The whole MAC-checked message, hex, as evidence. */
    message: text('message').notNull(),
    /** `applied` moved the payment, `repeat` matched its state, `late` came after it closed. */
    outcome: text('outcome', { enum: ['applied', 'repeat', 'late'] }).notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [index('payment_receipts_payment_idx').on(t.paymentId)],
);

/** Money given back through the acquirer; one payment may have several partial refunds. */
export const refunds = sqliteTable(
  'refunds',
  {
    /** Also the acquirer's idempotency key for the refund. */
    id: text('id').primaryKey(),
    paymentId: text('payment_id').notNull().references(() => payments.id),
    amountMinor: integer('amount_minor').notNull(),
    state: text('state', { enum: REFUND_STATES }).notNull(),
    reason: text('reason').notNull(),
    acquirerRef: text('acquirer_ref'),
    failureCode: text('failure_code'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('refunds_payment_idx').on(t.paymentId), check('refunds_amount_positive', sql`${t.amountMinor} > 0`)],
);
