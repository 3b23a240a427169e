// Box log upload: each record's MAC is checked with the box's current keys, or the previous ones while a key
// rotation is under way; good records are stored once per (box, seq), linked to the payment with their txnId,
// and a record that disagrees with its payment flags the payment for review.
import { and, eq } from 'drizzle-orm';
import { toHex } from '../../../shared/bytes/hex.ts';
import { STATUS } from '../../../shared/protocol/constants.ts';
import type { BoxKeys } from '../../../shared/protocol/types.ts';
import { appendAudit } from '../../audit/append.ts';
import type { Kek } from '../../crypto/kek.ts';
import type { Executor } from '../../db/open.ts';
import { boxLogRecords, boxes, payments } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { loadBoxKeys } from '../box-keys/index.ts';
import { decodeRecord, verifyingKey, type LogRecord } from './records.ts';

export type RecordOutcome =
  | { index: number; seq: number; status: 'stored' | 'duplicate'; paymentId: string | null; mismatch: string[] }
  | { index: number; status: 'rejected'; code: 'record_malformed' | 'mac_invalid' | 'seq_conflict'; seq?: number };

type PaymentRow = typeof payments.$inferSelect;

function keySets(db: Executor, kek: Kek, boxId: string): BoxKeys[] {
  const current = loadBoxKeys(db, kek, boxId);
  if (current.keyVersion <= 1) return [current];
  try {
    return [current, loadBoxKeys(db, kek, boxId, current.keyVersion - 1)];
  } catch (err) {
    if (err instanceof CloudError && err.code === 'box_key_not_found') return [current];
    throw err;
  }
}

/**
 * What the record says against the payment. A payment with a receipt must show the receipt's status; one
 * without a receipt that the cloud closed (expired, canceled, refunded) must not have run the machine.
 */
function disagreements(r: LogRecord, p: PaymentRow): string[] {
  const out: string[] = [];
  if (r.amount !== p.amountMinor) out.push('amount_mismatch');
  const ran = r.result === STATUS.OK;
  const wrong = p.receiptStatus !== null ? r.result !== p.receiptStatus : ran && p.state !== 'accept' && p.state !== 'finish';
  if (wrong) out.push('result_mismatch');
  return out;
}

function flag(tx: Executor, p: PaymentRow, r: LogRecord, mismatch: string[], actor: string, at: number): void {
  const flags = new Set<string>(p.flags === null ? [] : (JSON.parse(p.flags) as string[]));
  flags.add('log_mismatch');
  tx.update(payments).set({ flags: JSON.stringify([...flags]) }).where(eq(payments.id, p.id)).run();
  appendAudit(tx, {
    at, actor, action: 'payment.log_mismatch', subjectType: 'payment', subjectId: p.id,
    data: { boxId: p.boxId, seq: r.seq, mismatch, logResult: r.result, logAmountMinor: r.amount, state: p.state, amountMinor: p.amountMinor },
  });
}

function storeOne(tx: Executor, boxId: string, index: number, bytes: Uint8Array, keys: BoxKeys, r: LogRecord, actor: string, at: number): RecordOutcome {
  const hex = toHex(bytes);
  const existing = tx.select().from(boxLogRecords).where(and(eq(boxLogRecords.boxId, boxId), eq(boxLogRecords.seq, r.seq))).get();
  if (existing) {
    if (existing.record !== hex) return { index, status: 'rejected', code: 'seq_conflict', seq: r.seq };
    return { index, seq: r.seq, status: 'duplicate', paymentId: existing.paymentId, mismatch: existing.mismatch === null ? [] : existing.mismatch.split(',') };
  }
  const txn = Number.parseInt(r.txnId, 16);
  const p = Number.isSafeInteger(txn)
    ? tx.select().from(payments).where(and(eq(payments.boxId, boxId), eq(payments.txnId, txn))).get()
    : undefined;
  const mismatch = p ? disagreements(r, p) : [];
  tx.insert(boxLogRecords).values({
    boxId, seq: r.seq, boxTime: r.time, txnId: r.txnId, walletId: r.walletId, amountMinor: r.amount, currency: r.currency,
    scenario: r.scenario, result: r.result, keyVersion: keys.keyVersion, record: hex, paymentId: p?.id ?? null,
    mismatch: mismatch.length > 0 ? mismatch.join(',') : null, receivedAt: at,
  }).run();
  if (p && mismatch.length > 0) flag(tx, p, r, mismatch, actor, at);
  return { index, seq: r.seq, status: 'stored', paymentId: p?.id ?? null, mismatch };
}

/** Checks and stores `records` for `boxId` in one transaction; each record gets its own outcome. */
export function uploadBoxLog(db: Executor, kek: Kek, boxId: string, records: readonly Uint8Array[], actor: string, at: number): RecordOutcome[] {
  return db.transaction((tx) => {
    if (!tx.select({ id: boxes.id }).from(boxes).where(eq(boxes.id, boxId)).get()) throw new CloudError('box_not_found', 'no box with this id');
    const sets = keySets(tx, kek, boxId);
    return records.map((bytes, index): RecordOutcome => {
      const r = decodeRecord(bytes);
      if (!r) return { index, status: 'rejected', code: 'record_malformed' };
      const keys = verifyingKey(sets, bytes);
      if (!keys) return { index, status: 'rejected', code: 'mac_invalid', seq: r.seq };
      return storeOne(tx, boxId, index, bytes, keys, r, actor, at);
    });
  });
}
