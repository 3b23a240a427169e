// Which acquirer moves a payment's money: the merchant's own (acquirer_settings) when one is set, else the
// process-wide one. Built acquirers are kept per merchant, since the simulator keeps its books in its instance
// and an http acquirer would otherwise reopen its sealed secret on every charge. Each lookup compares the
// settings row's stamp with the cached one, so a settings change (from any process) builds a fresh acquirer.
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { createAcquirer } from '../../acquirers/factory.ts';
import type { Acquirer } from '../../acquirers/types.ts';
import type { Db } from '../../db/open.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { acquirerSettings } from '../../db/schema/index.ts';
import { merchantAcquirerConfig } from '../payment-admin/acquirer-settings.ts';
import type { PaymentRow } from './transition.ts';
import type { PaymentDeps } from './types.ts';

interface Built {
  stamp: string;
  acquirer: Acquirer;
}

/** Per database, so two clouds in one process (tests) never share a merchant's acquirer. */
const built = new WeakMap<Db, Map<string, Built>>();

// Read on every charge and refund.
const settingsOf = preparedQuery((db) => db.select().from(acquirerSettings).where(eq(acquirerSettings.merchantId, sql.placeholder('merchantId'))).prepare());

function stampOf(row: typeof acquirerSettings.$inferSelect): string {
  const hash = createHash('sha256').update(row.kind).update(JSON.stringify(row.settings));
  if (row.sealedSecret !== null) hash.update(row.sealedSecret);
  return `${row.updatedAt}:${hash.digest('hex')}`;
}

/** The merchant's own acquirer, or undefined when it has no settings. */
export function merchantAcquirer(deps: Pick<PaymentDeps, 'db' | 'kek'>, merchantId: string): Acquirer | undefined {
  let cache = built.get(deps.db);
  if (cache === undefined) {
    cache = new Map();
    built.set(deps.db, cache);
  }
  const row = settingsOf(deps.db).get({ merchantId });
  if (!row) {
    cache.delete(merchantId);
    return undefined;
  }
  const stamp = stampOf(row);
  const cached = cache.get(merchantId);
  if (cached?.stamp === stamp) return cached.acquirer;
  const acquirer = createAcquirer(merchantAcquirerConfig(deps.db, deps.kek, merchantId));
  cache.set(merchantId, { stamp, acquirer });
  return acquirer;
}

/** The acquirer that charges a new payment of this merchant. */
export function chargingAcquirer(deps: PaymentDeps, merchantId: string): Acquirer {
  return merchantAcquirer(deps, merchantId) ?? deps.acquirer;
}

/** The acquirer that charged `payment`, for its refunds: the merchant's own when it bears the payment's acquirer name. */
export function acquirerOf(deps: PaymentDeps, payment: Pick<PaymentRow, 'merchantId' | 'acquirer'>): Acquirer {
  const own = merchantAcquirer(deps, payment.merchantId);
  return own !== undefined && own.name === payment.acquirer ? own : deps.acquirer;
}

/** Every acquirer that may call back under `name`: the process-wide one and each merchant's own of that name. */
export function callbackAcquirers(deps: PaymentDeps, name: string): Acquirer[] {
  const out: Acquirer[] = deps.acquirer.name === name && deps.acquirer.verifyCallback ? [deps.acquirer] : [];
  const named = deps.db.select({ merchantId: acquirerSettings.merchantId }).from(acquirerSettings)
    .where(sql`json_extract(${acquirerSettings.settings}, '$.name') = ${name}`).all();
  for (const { merchantId } of named) {
    const acquirer = merchantAcquirer(deps, merchantId);
    if (acquirer?.verifyCallback && acquirer.name === name) out.push(acquirer);
  }
  return out;
}
