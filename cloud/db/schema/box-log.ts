import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { boxes } from './boxes.ts';
import { payments } from './payments.ts';

/** The box's MAC-checked transaction log lines as uploaded (docs/protocol.md "Log record"); one per box and seq. */
export const boxLogRecords = sqliteTable(
  'box_log_records',
  {
    boxId: text('box_id').notNull().references(() => boxes.id),
    seq: integer('seq').notNull(),
    /** Record `time`, Unix seconds by the box's clock. */
    boxTime: integer('box_time').notNull(),
    /** 16 hex digits, as the telegram carried it. */
    txnId: text('txn_id').notNull(),
    walletId: integer('wallet_id').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    /** ISO 4217 numeric. */
    currency: integer('currency').notNull(),
    scenario: integer('scenario').notNull(),
    /** STATUS code of the transaction. */
    result: integer('result').notNull(),
    /** Key version whose macKey verified the record. */
    keyVersion: integer('key_version').notNull(),
    /** The whole 48-byte record, hex, as evidence. */
    record: text('record').notNull(),
    /** The payment with this record's txnId at this box, when there is one. */
    paymentId: text('payment_id').references(() => payments.id),
    /** Comma-separated disagreements with the payment (`amount_mismatch`, `result_mismatch`), null when none. */
    mismatch: text('mismatch'),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.boxId, t.seq] }), index('box_log_records_payment_idx').on(t.paymentId)],
);
