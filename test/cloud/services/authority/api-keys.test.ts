import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { accounts, apiKeys, auditLog } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/index.ts';
import { apiKeyPrincipal, createApiKey, listApiKeys, revokeApiKey } from '../../../../cloud/services/authority/index.ts';
import { MERCHANT_A, MERCHANT_B, operatorWorld } from '../../operator-fixtures.ts';

const world = await operatorWorld();
const { db } = world;
const now = world.clock.now();
const adminA = world.account({ merchantId: MERCHANT_A, permissions: ['accounts.manage', 'boxes.view'] });
const staffA = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view'] });
const bossA = world.account({ merchantId: MERCHANT_A });
const adminB = world.account({ merchantId: MERCHANT_B, permissions: ['accounts.manage'] });

function code(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof CloudError ? err.code : String(err);
  }
}

const test = suite('createApiKey');

test('answers wgk_<12 hex>_<43 base64url> once; the database keeps only its prefix and SHA-256; the audit row neither', () => {
  const created = createApiKey(db, adminA.principal, { name: 'nightly export', accountId: staffA.id }, now);
  assert.match(created.key, /^wgk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  assert.is(created.key.slice(4, 16), created.prefix);
  const stored = JSON.stringify(db.select().from(apiKeys).all(), (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v));
  assert.not.ok(stored.includes(created.key.slice(17)));
  const audit = db.select().from(auditLog).where(eq(auditLog.subjectId, created.id)).get()!;
  assert.not.ok(audit.data.includes(created.key.slice(17)));
  assert.not.ok(JSON.stringify(listApiKeys(db, adminA.principal, { limit: 200 })).includes(created.key));
});

test('a key acts as its account, and only for an account the creator may manage', () => {
  assert.is(code(() => createApiKey(db, adminA.principal, { name: 'k', accountId: bossA.id }, now)), 'permission_escalation');
  assert.is(code(() => createApiKey(db, adminA.principal, { name: 'k', accountId: adminB.id }, now)), 'account_not_found');
  assert.is(code(() => createApiKey(db, adminA.principal, { name: 'k', expiresAt: now }, now)), 'expiry_invalid');
  const own = createApiKey(db, staffA.principal, { name: 'mine' }, now);
  assert.equal(apiKeyPrincipal(db, own.key, now), { ...staffA.principal, via: 'api_key' });
});

test.run();

const resolving = suite('apiKeyPrincipal');

resolving('refuses malformed, altered, revoked and expired keys, and keys of a disabled account', () => {
  const key = createApiKey(db, adminA.principal, { name: 'k', accountId: staffA.id, expiresAt: now + 60_000 }, now);
  assert.ok(apiKeyPrincipal(db, key.key, now));
  const last = key.key[key.key.length - 1] === 'A' ? 'B' : 'A';
  for (const bad of ['', 'wgk_', key.key.slice(0, -1), key.key.slice(0, -1) + last, `Bearer ${key.key}`]) assert.is(apiKeyPrincipal(db, bad, now), null, bad);
  assert.is(apiKeyPrincipal(db, key.key, now + 60_000), null);
  const other = createApiKey(db, adminA.principal, { name: 'k2', accountId: staffA.id }, now);
  db.update(accounts).set({ status: 'disabled' }).where(eq(accounts.id, staffA.id)).run();
  assert.is(apiKeyPrincipal(db, other.key, now), null);
  db.update(accounts).set({ status: 'active' }).where(eq(accounts.id, staffA.id)).run();
  assert.ok(apiKeyPrincipal(db, other.key, now));
  revokeApiKey(db, adminA.principal, other.id, now);
  assert.is(apiKeyPrincipal(db, other.key, now), null);
});

resolving('records when a key was last used, at most once a minute', () => {
  const key = createApiKey(db, adminA.principal, { name: 'k', accountId: staffA.id }, now);
  apiKeyPrincipal(db, key.key, now + 1000);
  apiKeyPrincipal(db, key.key, now + 2000);
  assert.is(db.select().from(apiKeys).where(eq(apiKeys.id, key.id)).get()!.lastUsedAt, now + 1000);
  apiKeyPrincipal(db, key.key, now + 61_000);
  assert.is(db.select().from(apiKeys).where(eq(apiKeys.id, key.id)).get()!.lastUsedAt, now + 61_000);
});

resolving.run();

const revoking = suite('revokeApiKey');

revoking('another merchant\'s key answers as not found; lists show the caller\'s merchant\'s keys only', () => {
  const keyB = createApiKey(db, adminB.principal, { name: 'B' }, now);
  assert.is(code(() => revokeApiKey(db, adminA.principal, keyB.id, now)), 'api_key_not_found');
  assert.ok(listApiKeys(db, adminA.principal, { limit: 200 }).data.every((k) => k.merchantId === MERCHANT_A));
  assert.ok(apiKeyPrincipal(db, keyB.key, now));
  const again = revokeApiKey(db, adminB.principal, keyB.id, now);
  assert.is(revokeApiKey(db, adminB.principal, keyB.id, now + 5).revokedAt, again.revokedAt);
});

revoking.after(() => world.cleanup());
revoking.run();
