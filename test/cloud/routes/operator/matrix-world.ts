// Merchant B's rows of every kind an operator path can name, so the role × route matrix can ask for another
// tenant's real rows whatever routes exist; and path building from an operation's params.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { accounts, apiKeys, boxCommands, boxes, boxShipments, merchandise, payments, refunds } from '../../../../cloud/db/schema/index.ts';
import type { OperationDescription } from '../../../../cloud/openapi/types.ts';
import { createDepartment, PERMISSIONS, type OperatorPrincipal } from '../../../../cloud/services/authority/index.ts';
import { createWalletApp } from '../../../../cloud/services/wallet-apps/index.ts';
import { MERCHANT_A, STORE_A, type OperatorWorld } from '../../operator-fixtures.ts';
import { boxOwner } from '../../payment-owner.ts';

const ROOT: OperatorPrincipal = { accountId: 'matrix', merchantId: null, permissions: [...PERMISSIONS], via: 'api_key', locale: 'en' };

/** Ids of merchant B's rows, by the path segment (or param name) that names their kind. */
export type TenantRows = Record<string, string>;

export function seedMerchantB(world: OperatorWorld): TenantRows {
  const { db, kek, clock } = world;
  const now = clock.now();
  const account = world.account({ merchantId: world.merchants.b });
  const department = createDepartment(db, ROOT, { name: 'B floor', merchantId: world.merchants.b }, now);
  const boxId = 'b0b0b0b0b0b0b0b1';
  db.insert(boxes).values({ id: boxId, storeId: world.stores.b, merchantId: world.merchants.b, scenario: 1, createdAt: now, activatedAt: now, machineName: 'B washer' }).run();
  db.insert(merchandise).values({ id: 'g_b1', storeId: world.stores.b, sku: 'B-1', name: 'B item', priceMinor: 100, currency: 'JPY', scenarioParams: { minutes: 10 }, createdAt: now }).run();
  const wallet = createWalletApp(db, 'Matrix wallet', { kek, actor: 'system', now: clock.now });
  const paymentId = `pay_${'b'.repeat(23)}1`;
  db.insert(payments).values({ id: paymentId, txnId: 1, boxId, ...boxOwner(db, boxId), walletAppId: wallet.id, amountMinor: 100, currency: 'JPY', state: 'finish', createdAt: now, updatedAt: now }).run();
  db.insert(refunds).values({ id: `ref_${'b'.repeat(23)}1`, paymentId, amountMinor: 50, state: 'refunded', reason: 'test', createdAt: now, updatedAt: now }).run();
  db.insert(boxCommands).values({ id: 'cmd_b1', boxId, kind: 'config', payload: {}, state: 'pending', createdBy: 'system', createdAt: now, updatedAt: now }).run();
  db.insert(boxShipments).values({ boxId, serial: 'SN-B1', merchantId: world.merchants.b, importedAt: now, importedBy: 'system' }).run();
  const key = db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.accountId, account.id)).get()!;
  const { roleId } = db.select({ roleId: accounts.roleId }).from(accounts).where(eq(accounts.id, account.id)).get()!;
  return {
    accounts: account.id, roles: roleId, departments: department.id, 'api-keys': key.id, boxes: boxId, merchandise: 'g_b1', payments: paymentId, refunds: `ref_${'b'.repeat(23)}1`,
    commands: 'cmd_b1', shipments: boxId, stores: world.stores.b, merchants: world.merchants.b,
  };
}

/** The kind a `:param` names: the path segment before it, else the param's own name (`boxId` → `boxes`). */
function kindOf(segments: string[], index: number, param: string): string[] {
  const before = segments[index - 1] ?? '';
  const base = param.replace(/Id$/, '');
  return [before, `${base}s`, base, `${base}es`];
}

/** A value of the same shape as `real` (same length, same character classes) that names no seeded row. */
function missingLike(real: string, taken: string[]): string {
  const next = (ch: string) => (/[0-9]/.test(ch) ? String((Number(ch) + 1) % 10) : /[a-e]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + 1) : ch === 'f' ? 'a' : ch === 'z' ? 'y' : 'z');
  let value = real;
  do value = value.slice(0, -1) + next(value[value.length - 1]!);
  while (taken.includes(value) && value !== real);
  return value;
}

/** A value the param's schema accepts when no seeded row fits: an enum's first value or a common id shape. */
function anyValue(schema: z.ZodType | undefined): string {
  const json = schema ? (z.toJSONSchema(schema, { io: 'input' }) as { enum?: unknown[] }) : {};
  if (json.enum && typeof json.enum[0] === 'string') return json.enum[0];
  const candidates = [randomBytes(8).toString('hex'), `x_${randomBytes(12).toString('hex')}`, `pay_${randomBytes(12).toString('hex')}`, crypto.randomUUID(), '1'];
  return candidates.find((c) => !schema || schema.safeParse(c).success) ?? candidates[0]!;
}

export interface BuiltPath {
  /** With merchant B's real rows where a param names a seeded kind. */
  tenant: string;
  /** The same shape, naming no row. */
  missing: string;
  /** Whether some param named a real row of merchant B. */
  namesTenantRow: boolean;
}

export function buildPath(op: OperationDescription, rows: TenantRows): BuiltPath {
  const segments = op.path.split('/');
  let namesTenantRow = false;
  const tenant: string[] = [];
  const missing: string[] = [];
  segments.forEach((segment, i) => {
    if (!segment.startsWith(':')) {
      tenant.push(segment);
      missing.push(segment);
      return;
    }
    const param = segment.slice(1).replace(/\{.*\}$/, '');
    const schema = op.params?.[param];
    const real = kindOf(segments, i, param).map((k) => rows[k]).find((v) => v !== undefined && (!schema || schema.safeParse(v).success));
    if (real !== undefined) namesTenantRow = true;
    const value = real ?? anyValue(schema);
    tenant.push(encodeURIComponent(value));
    const other = real === undefined ? value : missingLike(real, [...Object.values(rows), MERCHANT_A, STORE_A]);
    missing.push(encodeURIComponent(other));
  });
  return { tenant: tenant.join('/'), missing: missing.join('/'), namesTenantRow };
}
