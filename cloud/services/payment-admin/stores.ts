// Stores are where boxes stand and merchandise is sold. A merchant account creates them for its own merchant;
// a platform account names the merchant.
import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import type { Executor } from '../../db/open.ts';
import { stores } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { newestFirstAfter, pageLimit, toPage, type Page, type PageRequest } from '../authority/page.ts';
import { operatorActor, type OperatorPrincipal } from '../authority/permissions.ts';
import { requirePermission, tenantCondition, visibleMerchant, visibleStore, type StoreRow } from './access.ts';
import { requireDirectory } from './merchants.ts';

export interface StoreView {
  id: string;
  merchantId: string;
  name: string;
  createdAt: number;
}

const view = (r: StoreRow): StoreView => ({ id: r.id, merchantId: r.merchantId, name: r.name, createdAt: r.createdAt });

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 100) throw new CloudError('name_invalid', 'a name is 1 to 100 characters');
  return trimmed;
}

export function listStores(db: Executor, principal: OperatorPrincipal, filter: { merchantId?: string } = {}, page: PageRequest = {}): Page<StoreView> {
  requireDirectory(principal);
  const limit = pageLimit(page);
  const rows = db.select().from(stores)
    .where(and(
      tenantCondition(principal, stores.merchantId), filter.merchantId === undefined ? undefined : eq(stores.merchantId, filter.merchantId),
      newestFirstAfter(page.cursor, stores.createdAt, stores.id),
    ))
    .orderBy(desc(stores.createdAt), desc(stores.id)).limit(limit + 1).all();
  return toPage(rows, limit, (r) => [r.createdAt, r.id], view);
}

export function getStore(db: Executor, principal: OperatorPrincipal, storeId: string): StoreView {
  requireDirectory(principal);
  return view(visibleStore(db, principal, storeId));
}

/** `merchantId` is required of a platform account; a merchant account's own is used (another's is not found). */
export function createStore(db: Executor, principal: OperatorPrincipal, input: { merchantId?: string; name: string }, now: number): StoreView {
  requirePermission(principal, 'boxes.manage');
  const name = checkName(input.name);
  const merchantId = input.merchantId ?? principal.merchantId;
  if (merchantId === null) throw new CloudError('merchant_required', 'name the merchant the store belongs to');
  return db.transaction((tx) => {
    visibleMerchant(tx, principal, merchantId);
    const id = `s_${randomBytes(12).toString('hex')}`;
    tx.insert(stores).values({ id, merchantId, name, createdAt: now }).run();
    appendAudit(tx, { at: now, actor: operatorActor(principal), action: 'store.created', subjectType: 'store', subjectId: id, data: { merchantId, name } });
    return view(visibleStore(tx, principal, id));
  });
}

export function renameStore(db: Executor, principal: OperatorPrincipal, storeId: string, input: { name: string }, now: number): StoreView {
  requirePermission(principal, 'boxes.manage');
  const name = checkName(input.name);
  return db.transaction((tx) => {
    const before = visibleStore(tx, principal, storeId);
    tx.update(stores).set({ name }).where(eq(stores.id, storeId)).run();
    appendAudit(tx, {
      at: now, actor: operatorActor(principal), action: 'store.renamed', subjectType: 'store', subjectId: storeId,
      data: { merchantId: before.merchantId, name, previousName: before.name },
    });
    return view(visibleStore(tx, principal, storeId));
  });
}
