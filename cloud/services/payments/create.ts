// Step one of a payment, in one transaction: the box and session the wallet names, the price, seed 003's
// controls, the payment row in Request (or straight to Declined when a control refuses), and the telegram sealed
// but held back until the acquirer approves.
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import type { Kek } from '../../crypto/kek.ts';
import type { Executor } from '../../db/open.ts';
import { boxSessions, boxes, merchants, paymentEvents, payments, stores, walletApps } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { checkControls } from './controls.ts';
import { currencyNumeric } from './currency.ts';
import { priceOrder, type Order } from './pricing.ts';
import { sealPayment, type SealedPayment } from './telegram.ts';
import { loadPayment, transitionPayment, type PaymentRow } from './transition.ts';
import { drawTxnId } from './txn-id.ts';
import { PAYMENT_TTL_MS, walletActor, type WalletRef } from './types.ts';

export interface PaymentRequest {
  sessionId?: string;
  boxId?: string;
  iv: Uint8Array;
  order: Order;
  idempotencyKey?: string;
}

export interface CreatedPayment {
  payment: PaymentRow;
  merchantId: string;
  /** Set when the payment stays in Request for the acquirer; absent when a control declined it. */
  sealed?: SealedPayment;
}

function findTarget(db: Executor, wallet: WalletRef, request: PaymentRequest, now: number) {
  let boxId = request.boxId;
  let sessionId: string | null = null;
  if (request.sessionId !== undefined) {
    const session = db.select().from(boxSessions)
      .where(and(eq(boxSessions.id, request.sessionId), eq(boxSessions.walletAppId, wallet.id))).get();
    if (!session) throw new CloudError('session_not_found', 'no session with this id for this wallet app');
    if (boxId !== undefined && boxId !== session.boxId) throw new CloudError('session_box_mismatch', 'the session is for another box');
    if (session.ticketExpiresAt < now) throw new CloudError('session_expired', 'the session\'s ticket has expired; open a new one');
    boxId = session.boxId;
    sessionId = session.id;
  }
  if (boxId === undefined) throw new CloudError('box_not_found', 'name the box or the session');
  const row = db.select({ box: boxes, storeId: stores.id, merchantId: merchants.id, merchantStatus: merchants.status }).from(boxes)
    .innerJoin(stores, eq(stores.id, boxes.storeId)).innerJoin(merchants, eq(merchants.id, stores.merchantId))
    .where(eq(boxes.id, boxId)).get();
  if (!row) throw new CloudError('box_not_found', 'no box with this id');
  if (row.merchantStatus !== 'active') throw new CloudError('merchant_inactive', 'the merchant does not take payments');
  return { box: { ...row.box, storeId: row.storeId }, merchantId: row.merchantId, sessionId };
}

function freeTxnId(db: Executor, boxId: string): number {
  for (let attempt = 0; attempt < 8; attempt++) {
    const txnId = drawTxnId();
    if (!db.select({ id: payments.id }).from(payments).where(and(eq(payments.boxId, boxId), eq(payments.txnId, txnId))).get()) return txnId;
  }
  throw new CloudError('txn_id_exhausted', 'could not draw an unused transaction id');
}

/** `acquirerName` names the acquirer that will charge the box's merchant. */
export function createPayment(
  db: Executor, kek: Kek, wallet: WalletRef, request: PaymentRequest, acquirerName: (merchantId: string) => string, now: number,
): CreatedPayment {
  return db.transaction((tx) => {
    const { box, merchantId, sessionId } = findTarget(tx, wallet, request, now);
    const priced = priceOrder(tx, box, request.order);
    currencyNumeric(priced.currency);
    const walletRow = tx.select().from(walletApps).where(eq(walletApps.id, wallet.id)).get();
    if (!walletRow) throw new CloudError('wallet_not_found', 'the wallet app is gone');
    const decision = checkControls(tx, box, walletRow, priced.amountMinor, now);
    const id = `pay_${randomBytes(12).toString('hex')}`;
    tx.insert(payments).values({
      id, txnId: freeTxnId(tx, box.id), boxId: box.id, merchantId, storeId: box.storeId, walletAppId: wallet.id, amountMinor: priced.amountMinor, currency: priced.currency,
      state: 'request', idempotencyKey: request.idempotencyKey ?? null, createdAt: now, updatedAt: now, sessionId, sku: priced.sku,
      units: priced.units, machineUnits: priced.machineUnits, scenario: box.scenario, machineSku: priced.machineSku,
      outputIndex: priced.outputIndex, acquirer: acquirerName(merchantId), chargeStatus: decision.allow ? 'pending' : 'none', expiresAt: now + PAYMENT_TTL_MS,
      flags: decision.flags.length > 0 ? JSON.stringify(decision.flags) : null,
    }).run();
    tx.insert(paymentEvents).values({ paymentId: id, fromState: null, toState: 'request', reason: 'created', createdAt: now }).run();
    appendAudit(tx, {
      at: now, actor: walletActor(wallet), action: 'payment.request', subjectType: 'payment', subjectId: id,
      data: { boxId: box.id, merchantId, storeId: box.storeId, amountMinor: priced.amountMinor, currency: priced.currency, sku: priced.sku, units: priced.units, flags: decision.flags },
    });
    if (!decision.allow) {
      const code = decision.code ?? 'refused';
      const payment = transitionPayment(tx, {
        paymentId: id, to: 'declined', reason: code, actor: 'system', at: now, set: { declineCode: code }, data: { by: 'controls' },
      });
      return { payment, merchantId };
    }
    const sealed = sealPayment(tx, kek, loadPayment(tx, id), wallet.walletId, request.iv, now);
    tx.update(payments).set({ keyVersion: sealed.keyVersion }).where(eq(payments.id, id)).run();
    return { payment: loadPayment(tx, id), merchantId, sealed };
  });
}
