// API keys for scripts: `wgk_<prefix>_<secret>`. The prefix finds the row (and tells keys apart in lists); only
// SHA-256 of the whole key is stored, so the key is shown once, at creation.
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import type { Executor } from '../../db/open.ts';
import { accounts, apiKeys } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { newestFirstAfter, pageLimit, toPage, type Page, type PageRequest } from './page.ts';
import { operatorActor, type OperatorPrincipal } from './permissions.ts';
import { loadPrincipal } from './principal.ts';
import { permissionsOfRole } from './roles.ts';
import { assertNoEscalation, seen } from './tenant.ts';
import { newId, randomHex, randomToken, sameSecret, sha256Hex } from './tokens.ts';

const KEY_FORMAT = /^wgk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
/** lastUsedAt is written at most this often: a busy script should not cost a durable commit per call. */
const TOUCH_EVERY_MS = 60_000;

export interface ApiKeyView {
  id: string;
  accountId: string;
  /** The account's merchant (null: a platform account's key). */
  merchantId: string | null;
  name: string;
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
  expiresAt: number | null;
  revokedAt: number | null;
}

export interface CreatedApiKey extends ApiKeyView {
  /** The whole key; returned only here. */
  key: string;
}

type Row = typeof apiKeys.$inferSelect & { merchantId: string | null };

const columns = {
  id: apiKeys.id, accountId: apiKeys.accountId, name: apiKeys.name, prefix: apiKeys.prefix, secretHash: apiKeys.secretHash,
  createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, expiresAt: apiKeys.expiresAt, revokedAt: apiKeys.revokedAt,
  merchantId: accounts.merchantId,
};

function view(row: Row): ApiKeyView {
  return {
    id: row.id, accountId: row.accountId, merchantId: row.merchantId, name: row.name, prefix: row.prefix,
    createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, expiresAt: row.expiresAt, revokedAt: row.revokedAt,
  };
}

function keyRow(db: Executor, where: SQL): Row | undefined {
  return db.select(columns).from(apiKeys).innerJoin(accounts, eq(accounts.id, apiKeys.accountId)).where(where).get();
}

/**
 * A key for `accountId` (the principal's own account when absent). Acting through a key is acting as its
 * account, so a key is only made for an account that holds nothing the principal lacks.
 */
export function createApiKey(db: Executor, principal: OperatorPrincipal, input: { name: string; accountId?: string; expiresAt?: number | null }, now: number): CreatedApiKey {
  const accountId = input.accountId ?? principal.accountId;
  const account = seen(principal, db.select().from(accounts).where(eq(accounts.id, accountId)).get(), 'account');
  assertNoEscalation(principal, permissionsOfRole(db, account.roleId));
  if (input.expiresAt != null && input.expiresAt <= now) throw new CloudError('expiry_invalid', 'expiresAt must be in the future');
  const prefix = randomHex(6);
  const key = `wgk_${prefix}_${randomToken(32)}`;
  const row: Row = {
    id: newId('key'), accountId, merchantId: account.merchantId, name: input.name, prefix, secretHash: Buffer.from(sha256Hex(key), 'hex'),
    createdAt: now, lastUsedAt: null, expiresAt: input.expiresAt ?? null, revokedAt: null,
  };
  db.transaction((tx) => {
    const { merchantId: _merchantId, ...stored } = row;
    tx.insert(apiKeys).values(stored).run();
    appendAudit(tx, {
      actor: operatorActor(principal), action: 'api_key.created', subjectType: 'api_key', subjectId: row.id, at: now,
      data: { merchantId: account.merchantId, accountId, name: row.name, prefix, expiresAt: row.expiresAt },
    });
  });
  return { ...view(row), key };
}

export function getApiKey(db: Executor, principal: OperatorPrincipal, id: string): ApiKeyView {
  return view(seen(principal, keyRow(db, eq(apiKeys.id, id)), 'api_key'));
}

/** Revokes a key at once; revoking a revoked key changes nothing. */
export function revokeApiKey(db: Executor, principal: OperatorPrincipal, id: string, now: number): ApiKeyView {
  const row = seen(principal, keyRow(db, eq(apiKeys.id, id)), 'api_key');
  const account = db.select({ roleId: accounts.roleId }).from(accounts).where(eq(accounts.id, row.accountId)).get();
  if (account) assertNoEscalation(principal, permissionsOfRole(db, account.roleId));
  if (row.revokedAt !== null) return view(row);
  db.transaction((tx) => {
    tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id)).run();
    appendAudit(tx, {
      actor: operatorActor(principal), action: 'api_key.revoked', subjectType: 'api_key', subjectId: id, at: now,
      data: { merchantId: row.merchantId, accountId: row.accountId, prefix: row.prefix },
    });
  });
  return view({ ...row, revokedAt: now });
}

/** Newest first; optionally one account's keys. */
export function listApiKeys(db: Executor, principal: OperatorPrincipal, request: PageRequest & { accountId?: string }): Page<ApiKeyView> {
  const limit = pageLimit(request);
  const scope = principal.merchantId === null ? undefined
    : inArray(apiKeys.accountId, db.select({ id: accounts.id }).from(accounts).where(eq(accounts.merchantId, principal.merchantId)));
  const rows = db.select(columns).from(apiKeys).innerJoin(accounts, eq(accounts.id, apiKeys.accountId))
    .where(and(scope, request.accountId ? eq(apiKeys.accountId, request.accountId) : undefined, newestFirstAfter(request.cursor, apiKeys.createdAt, apiKeys.id)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)).limit(limit + 1).all();
  return toPage(rows, limit, (r) => [r.createdAt, r.id], view);
}

/** The principal a bearer key acts as, or null (malformed, unknown, revoked, expired, account disabled). */
export function apiKeyPrincipal(db: Executor, key: string, now: number): OperatorPrincipal | null {
  const match = KEY_FORMAT.exec(key);
  if (!match) return null;
  const row = db.select().from(apiKeys).where(eq(apiKeys.prefix, match[1]!)).get();
  if (!row || !sameSecret(sha256Hex(key), row.secretHash.toString('hex'))) return null;
  if (row.revokedAt !== null || (row.expiresAt !== null && now >= row.expiresAt)) return null;
  if (row.lastUsedAt === null || now - row.lastUsedAt >= TOUCH_EVERY_MS) db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id)).run();
  return loadPrincipal(db, row.accountId, 'api_key');
}
