// Merchandise per store: what a SKU costs and what it tells the machine. Prices are integer minor units in an
// ISO 4217 currency the payment service can put in a telegram.
import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import type { Executor } from '../../db/open.ts';
import { merchandise, stores } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { newestFirstAfter, pageLimit, toPage, type Page, type PageRequest } from '../authority/page.ts';
import { operatorActor, type OperatorPrincipal } from '../authority/permissions.ts';
import { currencyNumeric } from '../payments/currency.ts';
import { MAX_AMOUNT_MINOR } from '../payments/pricing.ts';
import { requirePermission, tenantCondition, visibleStore } from './access.ts';
import { checkScenarioParams, readScenarioParams, type ScenarioName } from './scenario-params.ts';

export interface MerchandiseInput {
  sku: string;
  name: string;
  priceMinor: number;
  currency: string;
  scenario: ScenarioName;
  params: Record<string, unknown>;
}

export interface MerchandiseView extends Omit<MerchandiseInput, 'scenario'> {
  id: string;
  storeId: string;
  /** Null for a row written without one (seeded directly); its params are then shown as stored. */
  scenario: ScenarioName | null;
  createdAt: number;
}

type Row = typeof merchandise.$inferSelect;

function view(r: Row): MerchandiseView {
  const { scenario, params } = readScenarioParams(r.scenarioParams);
  return { id: r.id, storeId: r.storeId, sku: r.sku, name: r.name, priceMinor: r.priceMinor, currency: r.currency, scenario, params, createdAt: r.createdAt };
}

function checkInput(input: MerchandiseInput): Record<string, unknown> {
  if (!/^[\x21-\x7e]{1,64}$/.test(input.sku)) throw new CloudError('sku_invalid', 'a SKU is 1 to 64 printable ASCII characters without spaces');
  if (input.name.trim() === '') throw new CloudError('name_required', 'give the merchandise a name');
  if (!Number.isSafeInteger(input.priceMinor) || input.priceMinor < 0 || input.priceMinor > MAX_AMOUNT_MINOR) {
    throw new CloudError('price_invalid', `the price must be 0..${MAX_AMOUNT_MINOR} minor units`);
  }
  currencyNumeric(input.currency);
  return checkScenarioParams(input.scenario, input.params);
}

function visibleItem(db: Executor, principal: OperatorPrincipal, id: string): Row & { merchantId: string } {
  const found = db.select({ item: merchandise, merchantId: stores.merchantId }).from(merchandise).innerJoin(stores, eq(stores.id, merchandise.storeId))
    .where(and(eq(merchandise.id, id), tenantCondition(principal, stores.merchantId))).get();
  if (!found) throw new CloudError('merchandise_not_found', 'no merchandise with this id');
  return { ...found.item, merchantId: found.merchantId };
}

function skuFree(db: Executor, storeId: string, sku: string, except?: string): void {
  const taken = db.select({ id: merchandise.id }).from(merchandise).where(and(eq(merchandise.storeId, storeId), eq(merchandise.sku, sku))).get();
  if (taken && taken.id !== except) throw new CloudError('sku_taken', 'this store already sells this SKU');
}

export function listMerchandise(db: Executor, principal: OperatorPrincipal, storeId: string, page: PageRequest = {}): Page<MerchandiseView> {
  requirePermission(principal, 'merchandise.manage');
  visibleStore(db, principal, storeId);
  const limit = pageLimit(page);
  const rows = db.select().from(merchandise)
    .where(and(eq(merchandise.storeId, storeId), newestFirstAfter(page.cursor, merchandise.createdAt, merchandise.id)))
    .orderBy(desc(merchandise.createdAt), desc(merchandise.id)).limit(limit + 1).all();
  return toPage(rows, limit, (r) => [r.createdAt, r.id], view);
}

export function getMerchandise(db: Executor, principal: OperatorPrincipal, id: string): MerchandiseView {
  requirePermission(principal, 'merchandise.manage');
  return view(visibleItem(db, principal, id));
}

export function createMerchandise(db: Executor, principal: OperatorPrincipal, input: MerchandiseInput & { storeId: string }, now: number): MerchandiseView {
  requirePermission(principal, 'merchandise.manage');
  const scenarioParams = checkInput(input);
  return db.transaction((tx) => {
    const { merchantId } = visibleStore(tx, principal, input.storeId);
    skuFree(tx, input.storeId, input.sku);
    const id = `g_${randomBytes(12).toString('hex')}`;
    tx.insert(merchandise).values({
      id, storeId: input.storeId, sku: input.sku, name: input.name.trim(), priceMinor: input.priceMinor, currency: input.currency, scenarioParams, createdAt: now,
    }).run();
    appendAudit(tx, {
      at: now, actor: operatorActor(principal), action: 'merchandise.created', subjectType: 'merchandise', subjectId: id,
      data: { merchantId, storeId: input.storeId, sku: input.sku, priceMinor: input.priceMinor, currency: input.currency, scenario: input.scenario },
    });
    return view(visibleItem(tx, principal, id));
  });
}

/** Replaces every field but the store; the SKU stays unique within the store. */
export function updateMerchandise(db: Executor, principal: OperatorPrincipal, id: string, input: MerchandiseInput, now: number): MerchandiseView {
  requirePermission(principal, 'merchandise.manage');
  const scenarioParams = checkInput(input);
  return db.transaction((tx) => {
    const before = visibleItem(tx, principal, id);
    skuFree(tx, before.storeId, input.sku, id);
    tx.update(merchandise).set({ sku: input.sku, name: input.name.trim(), priceMinor: input.priceMinor, currency: input.currency, scenarioParams })
      .where(eq(merchandise.id, id)).run();
    appendAudit(tx, {
      at: now, actor: operatorActor(principal), action: 'merchandise.updated', subjectType: 'merchandise', subjectId: id,
      data: { merchantId: before.merchantId, storeId: before.storeId, sku: input.sku, priceMinor: input.priceMinor, previousPriceMinor: before.priceMinor, currency: input.currency, scenario: input.scenario },
    });
    return view(visibleItem(tx, principal, id));
  });
}

/** Past payments keep their SKU as text, so removing an item leaves their history intact. */
export function deleteMerchandise(db: Executor, principal: OperatorPrincipal, id: string, now: number): void {
  requirePermission(principal, 'merchandise.manage');
  db.transaction((tx) => {
    const before = visibleItem(tx, principal, id);
    tx.delete(merchandise).where(eq(merchandise.id, id)).run();
    appendAudit(tx, {
      at: now, actor: operatorActor(principal), action: 'merchandise.deleted', subjectType: 'merchandise', subjectId: id,
      data: { merchantId: before.merchantId, storeId: before.storeId, sku: before.sku },
    });
  });
}
