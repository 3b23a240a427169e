// Choices for the transaction search's store and wallet-app filters. A merchant account is offered its own
// stores only; a platform account every store, each labelled with its merchant since store names repeat.
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/open.ts';
import { merchants, stores, walletApps } from '../../../db/schema/index.ts';
import type { OperatorPrincipal } from '../../../services/authority/index.ts';
import type { SelectOption } from '../../components/index.ts';

export interface SearchOptions {
  stores: SelectOption[];
  walletApps: SelectOption[];
}

export function searchOptions(db: Executor, principal: OperatorPrincipal): SearchOptions {
  const own = principal.merchantId;
  const storeRows = db.select({ id: stores.id, name: stores.name, merchant: merchants.name }).from(stores)
    .innerJoin(merchants, eq(merchants.id, stores.merchantId))
    .where(own === null ? undefined : eq(stores.merchantId, own))
    .orderBy(asc(merchants.name), asc(stores.name), asc(stores.id)).all();
  // Wallet apps are the platform's, not a merchant's: every merchant's payments may come through any of them.
  const apps = db.select({ id: walletApps.id, name: walletApps.name }).from(walletApps).orderBy(asc(walletApps.name), asc(walletApps.id)).all();
  return {
    stores: storeRows.map((s) => ({ value: s.id, label: own === null ? `${s.name} — ${s.merchant}` : s.name })),
    walletApps: apps.map((a) => ({ value: a.id, label: a.name })),
  };
}
