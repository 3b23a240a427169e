// The site world with payments to look at: merchant A has three (two charged, one declined), merchant B one.
// Rows are written directly with their history and audit rows, and refunds go to an acquirer that always
// agrees, so page tests need no wallet or box.
import { buildApp } from '../../../../cloud/app.ts';
import type { Acquirer } from '../../../../cloud/acquirers/types.ts';
import { appendAudit } from '../../../../cloud/audit/append.ts';
import { boxes, paymentEvents, payments } from '../../../../cloud/db/schema/index.ts';
import type { PaymentState } from '../../../../cloud/db/schema/payments.ts';
import { createWalletApp } from '../../../../cloud/services/wallet-apps/index.ts';
import { randomKek } from '../../fixtures.ts';
import { boxOwner } from '../../payment-owner.ts';
import { MERCHANT_A, MERCHANT_B, siteWorld, type SiteWorld } from '../site-world.ts';

export const BOX_A = 'a0a0a0a0a0a0a0a0';
export const BOX_B = 'b0b0b0b0b0b0b0b0';
export const DAY = 86_400_000;

/** Refunds everything asked, as a gateway that never says no. */
export function agreeableAcquirer(): Acquirer & { refunds: number } {
  const acquirer = {
    name: 'agreeable',
    refunds: 0,
    charge: () => Promise.resolve({ outcome: 'approved' as const, acquirerRef: 'ch_1' }),
    refund: () => {
      acquirer.refunds++;
      return Promise.resolve({ outcome: 'refunded' as const, acquirerRef: `re_${acquirer.refunds}` });
    },
  };
  return acquirer;
}

interface Seeded {
  id: string;
  box: string;
  amountMinor: number;
  state: PaymentState;
  daysAgo: number;
}

export const SEEDED: Seeded[] = [
  { id: 'pay_a1', box: BOX_A, amountMinor: 30000, state: 'finish', daysAgo: 0 },
  { id: 'pay_a2', box: BOX_A, amountMinor: 12550, state: 'finish', daysAgo: 1 },
  { id: 'pay_a3', box: BOX_A, amountMinor: 990, state: 'declined', daysAgo: 1 },
  { id: 'pay_b1', box: BOX_B, amountMinor: 50000, state: 'finish', daysAgo: 0 },
];

/** siteWorld with payments, served by an app that refunds through `acquirer`. */
export function paymentsWorld(acquirer: Acquirer = agreeableAcquirer()): SiteWorld {
  const world = siteWorld();
  const { db } = world;
  const kek = randomKek();
  const at = world.now();
  db.insert(boxes).values([
    { id: BOX_A, storeId: `s_${MERCHANT_A}`, merchantId: MERCHANT_A, machineName: 'Washer 1', scenario: 1, createdAt: 1 },
    { id: BOX_B, storeId: `s_${MERCHANT_B}`, merchantId: MERCHANT_B, machineName: 'Crane 7', scenario: 2, createdAt: 1 },
  ]).run();
  const wallet = createWalletApp(db, 'Pay App', { kek, actor: 'operator:test' });
  SEEDED.forEach((p, i) => {
    const createdAt = at - p.daysAgo * DAY - 60_000;
    const charged = p.state === 'finish';
    db.insert(payments).values({
      id: p.id, txnId: i + 1, boxId: p.box, ...boxOwner(db, p.box), walletAppId: wallet.id, amountMinor: p.amountMinor, currency: 'TWD', state: p.state,
      createdAt, updatedAt: createdAt, acquirer: 'agreeable', chargeStatus: charged ? 'approved' : 'declined',
      acquirerRef: charged ? `ch_${p.id}` : null, sku: 'WASH', units: 1,
    }).run();
    db.insert(paymentEvents).values([
      { paymentId: p.id, fromState: null, toState: 'request', reason: 'created', createdAt },
      { paymentId: p.id, fromState: 'request', toState: p.state, reason: charged ? 'receipt_ok' : 'card_declined', createdAt },
    ]).run();
    appendAudit(db, { at: createdAt, actor: `wallet:${wallet.id}`, action: 'payment.request', subjectType: 'payment', subjectId: p.id, data: { amountMinor: p.amountMinor } });
  });
  const app = buildApp({ db, kek, bodyLimit: 1 << 20, version: 'test', now: world.now, logger: { info() {}, error() {} }, acquirer });
  const get: SiteWorld['get'] = (path, who, headers = {}) =>
    Promise.resolve(app.request(path, { headers: { ...(who ? { cookie: who.cookie } : {}), ...headers } }));
  const post: SiteWorld['post'] = (path, who, fields, { csrf = true } = {}) => Promise.resolve(app.request(path, {
    method: 'POST',
    body: new URLSearchParams({ ...fields, ...(who && csrf ? { _csrf: who.csrf } : {}) }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(who ? { cookie: who.cookie } : {}) },
  }));
  return { ...world, app, get, post };
}
