// One transaction as an operator lists it: the payment with the names around it (merchant, store, machine,
// wallet app, merchandise). The merchant and store are the payment's own, recorded when it was made, so a box
// moved since keeps its earlier payments where they were taken. The filter becomes SQL conditions here, so the
// query page, the CSV export and the detail read rows the same way.
import { and, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { toHex } from '../../../shared/bytes/hex.ts';
import type { Executor } from '../../db/open.ts';
import { boxes, merchandise, merchants, payments, stores, walletApps } from '../../db/schema/index.ts';
import type { PaymentState } from '../../db/schema/payments.ts';
import type { OperatorPrincipal } from '../authority/permissions.ts';
import { txnIdBytes } from '../payments/txn-id.ts';
import { tenantCondition } from './access.ts';
import type { CursorKey } from '../authority/page.ts';
import type { TransactionFilter } from './filter.ts';

export interface TransactionRow {
  id: string;
  /** The telegram's txnId, 16 hex digits, as the box logs it. */
  txnId: string;
  createdAt: number;
  merchant: { id: string; name: string; code: string | null };
  store: { id: string; name: string };
  box: { id: string; machineName: string | null };
  walletApp: { id: string; name: string };
  /** Null for an amount typed at a merchant counter. */
  merchandise: { sku: string; name: string | null } | null;
  units: number;
  amountMinor: number;
  currency: string;
  state: PaymentState;
  refundedMinor: number;
}

const columns = {
  id: payments.id, txnId: payments.txnId, createdAt: payments.createdAt, amountMinor: payments.amountMinor,
  currency: payments.currency, state: payments.state, refundedMinor: payments.refundedMinor, sku: payments.sku, units: payments.units,
  boxId: payments.boxId, machineName: boxes.machineName, storeId: payments.storeId, storeName: stores.name,
  merchantId: payments.merchantId, merchantName: merchants.name, merchantCode: merchants.code,
  walletAppId: walletApps.id, walletAppName: walletApps.name, merchandiseName: merchandise.name,
};


/** `%`, `_` and the escape itself matched literally in a LIKE pattern. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function filterConditions(principal: OperatorPrincipal, f: TransactionFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [tenantCondition(principal, payments.merchantId)];
  if (f.merchantId !== undefined) c.push(eq(payments.merchantId, f.merchantId));
  if (f.merchantCode !== undefined) c.push(eq(merchants.code, f.merchantCode));
  if (f.merchantName !== undefined) c.push(sql`${merchants.name} like ${`%${literal(f.merchantName)}%`} escape '\\'`);
  if (f.storeId !== undefined) c.push(eq(payments.storeId, f.storeId));
  if (f.boxId !== undefined) c.push(eq(payments.boxId, f.boxId));
  if (f.walletAppId !== undefined) c.push(eq(payments.walletAppId, f.walletAppId));
  if (f.states !== undefined) c.push(inArray(payments.state, f.states));
  if (f.from !== undefined) c.push(gte(payments.createdAt, f.from));
  if (f.to !== undefined) c.push(lt(payments.createdAt, f.to));
  if (f.minAmount !== undefined) c.push(gte(payments.amountMinor, f.minAmount));
  if (f.maxAmount !== undefined) c.push(lte(payments.amountMinor, f.maxAmount));
  if (f.currency !== undefined) c.push(eq(payments.currency, f.currency));
  if (f.txnId !== undefined) c.push(eq(payments.txnId, f.txnId));
  if (f.paymentId !== undefined) c.push(eq(payments.id, f.paymentId));
  return and(...c);
}

/** Rows strictly after the row at `key` in newest-first order. */
export function afterKey(key: CursorKey): SQL | undefined {
  const [at, id] = key as [number, string];
  return or(lt(payments.createdAt, at), and(eq(payments.createdAt, at), lt(payments.id, id)));
}

/** Newest first, ties broken by id, at most `limit` rows. */
export function selectTransactions(db: Executor, where: SQL | undefined, limit: number) {
  return db.select(columns).from(payments)
    .innerJoin(boxes, eq(boxes.id, payments.boxId))
    .innerJoin(stores, eq(stores.id, payments.storeId))
    .innerJoin(merchants, eq(merchants.id, payments.merchantId))
    .innerJoin(walletApps, eq(walletApps.id, payments.walletAppId))
    .leftJoin(merchandise, and(eq(merchandise.storeId, payments.storeId), eq(merchandise.sku, payments.sku)))
    .where(where).orderBy(desc(payments.createdAt), desc(payments.id)).limit(limit).all();
}

type Selected = ReturnType<typeof selectTransactions>[number];

export const rowKey = (r: Selected): CursorKey => [r.createdAt, r.id];

export function transactionRow(r: Selected): TransactionRow {
  return {
    id: r.id, txnId: toHex(txnIdBytes(r.txnId)), createdAt: r.createdAt,
    merchant: { id: r.merchantId, name: r.merchantName, code: r.merchantCode },
    store: { id: r.storeId, name: r.storeName },
    box: { id: r.boxId, machineName: r.machineName },
    walletApp: { id: r.walletAppId, name: r.walletAppName },
    merchandise: r.sku === null ? null : { sku: r.sku, name: r.merchandiseName },
    units: r.units, amountMinor: r.amountMinor, currency: r.currency, state: r.state, refundedMinor: r.refundedMinor,
  };
}
