// Merchants are created by the platform (a merchant account cannot make another tenant); a merchant account may
// read and rename its own. The code is what statements print and the transaction query filters by.
import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import type { Executor } from '../../db/open.ts';
import { merchants } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { newestFirstAfter, pageLimit, toPage, type Page, type PageRequest } from '../authority/page.ts';
import { operatorActor, type OperatorPrincipal, type Permission } from '../authority/permissions.ts';
import { requirePermission, requirePlatform, tenantCondition, visibleMerchant, type MerchantRow } from './access.ts';

export type MerchantStatus = MerchantRow['status'];

export interface MerchantView {
  id: string;
  name: string;
  code: string | null;
  status: MerchantStatus;
  createdAt: number;
}

export interface MerchantChange {
  name?: string;
  /** null clears it. */
  code?: string | null;
  status?: MerchantStatus;
}

const view = (r: MerchantRow): MerchantView => ({ id: r.id, name: r.name, code: r.code, status: r.status, createdAt: r.createdAt });

/** Reading merchants and stores serves every page that filters or places things by them. */
export const DIRECTORY_PERMISSIONS: readonly Permission[] = ['payments.view', 'boxes.view', 'boxes.manage', 'merchandise.manage', 'acquirers.manage', 'accounts.manage'];

export function requireDirectory(principal: OperatorPrincipal): void {
  if (!DIRECTORY_PERMISSIONS.some((p) => principal.permissions.includes(p))) requirePermission(principal, 'payments.view');
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 100) throw new CloudError('name_invalid', 'a name is 1 to 100 characters');
  return trimmed;
}

function checkCode(db: Executor, code: string | null, except?: string): void {
  if (code === null) return;
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(code)) throw new CloudError('merchant_code_invalid', 'a merchant code is 1 to 32 letters, digits, - or _');
  const taken = db.select({ id: merchants.id }).from(merchants).where(eq(merchants.code, code)).get();
  if (taken && taken.id !== except) throw new CloudError('merchant_code_taken', 'another merchant has this code');
}

export function listMerchants(db: Executor, principal: OperatorPrincipal, page: PageRequest = {}): Page<MerchantView> {
  requireDirectory(principal);
  const limit = pageLimit(page);
  const rows = db.select().from(merchants)
    .where(and(tenantCondition(principal, merchants.id), newestFirstAfter(page.cursor, merchants.createdAt, merchants.id)))
    .orderBy(desc(merchants.createdAt), desc(merchants.id)).limit(limit + 1).all();
  return toPage(rows, limit, (r) => [r.createdAt, r.id], view);
}

export function getMerchant(db: Executor, principal: OperatorPrincipal, merchantId: string): MerchantView {
  requireDirectory(principal);
  return view(visibleMerchant(db, principal, merchantId));
}

export function createMerchant(db: Executor, principal: OperatorPrincipal, input: { name: string; code?: string | null }, now: number): MerchantView {
  requirePermission(principal, 'accounts.manage');
  requirePlatform(principal);
  const name = checkName(input.name);
  const code = input.code ?? null;
  return db.transaction((tx) => {
    checkCode(tx, code);
    const id = `m_${randomBytes(12).toString('hex')}`;
    tx.insert(merchants).values({ id, name, code, createdAt: now }).run();
    appendAudit(tx, { at: now, actor: operatorActor(principal), action: 'merchant.created', subjectType: 'merchant', subjectId: id, data: { merchantId: id, name, code } });
    return view(visibleMerchant(tx, principal, id));
  });
}

/** A merchant account may rename its own merchant; the code and the status are the platform's. */
export function updateMerchant(db: Executor, principal: OperatorPrincipal, merchantId: string, change: MerchantChange, now: number): MerchantView {
  requirePermission(principal, 'accounts.manage');
  if (change.code !== undefined || change.status !== undefined) requirePlatform(principal);
  return db.transaction((tx) => {
    const before = visibleMerchant(tx, principal, merchantId);
    const set: Partial<MerchantRow> = {};
    if (change.name !== undefined) set.name = checkName(change.name);
    if (change.code !== undefined) {
      checkCode(tx, change.code, merchantId);
      set.code = change.code;
    }
    if (change.status !== undefined) set.status = change.status;
    if (Object.keys(set).length === 0) return view(before);
    tx.update(merchants).set(set).where(eq(merchants.id, merchantId)).run();
    appendAudit(tx, {
      at: now, actor: operatorActor(principal), action: 'merchant.updated', subjectType: 'merchant', subjectId: merchantId,
      data: { merchantId, ...set, previous: { name: before.name, code: before.code, status: before.status } },
    });
    return view(visibleMerchant(tx, principal, merchantId));
  });
}
