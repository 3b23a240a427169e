import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyAuditChain } from '../../../../cloud/audit/index.ts';
import { auditLog, webhookEndpoints } from '../../../../cloud/db/schema/index.ts';
import { createWebhookEndpoint, disableWebhookEndpoint, loadWebhookEndpoint } from '../../../../cloud/services/webhooks/index.ts';
import { migratedDatabase, randomKek, seedBoxes } from '../../fixtures.ts';

const operator = { actor: 'operator:test' };

function world() {
  const database = migratedDatabase(':memory:');
  seedBoxes(database, []);
  return { database, kek: randomKek() };
}

const test = suite('createWebhookEndpoint');

test('returns the secret once and keeps it only sealed; loading opens the same secret', () => {
  const { database, kek } = world();
  const created = createWebhookEndpoint(database.db, 'm_1', 'https://laundry.example/hooks', { kek, ...operator });
  assert.match(created.secret, /^whsec_[A-Za-z0-9_-]{43}$/);
  const row = database.db.select().from(webhookEndpoints).get()!;
  assert.not.ok(Buffer.from(row.sealedSecret).includes(Buffer.from(created.secret)));
  assert.equal(loadWebhookEndpoint(database.db, kek, created.id), { id: created.id, url: created.url, secret: created.secret, enabled: true });
  assert.throws(() => loadWebhookEndpoint(database.db, randomKek(), created.id), /wrong key-encryption key/);
  database.close();
});

test('refuses a URL that is not http(s) or carries credentials, and an unknown merchant', () => {
  const { database, kek } = world();
  for (const url of ['ftp://x.example/', 'not a url', 'https://user:pw@x.example/']) {
    assert.throws(() => createWebhookEndpoint(database.db, 'm_1', url, { kek, ...operator }), (e: { code: string }) => e.code === 'webhook_url_invalid');
  }
  assert.throws(() => createWebhookEndpoint(database.db, 'm_9', 'https://x.example/', { kek, ...operator }), (e: { code: string }) => e.code === 'merchant_not_found');
  database.close();
});

test.run();

const disable = suite('disableWebhookEndpoint');

disable('disables once, audited, and a second call changes nothing', () => {
  const { database, kek } = world();
  const { id } = createWebhookEndpoint(database.db, 'm_1', 'https://laundry.example/hooks', { kek, ...operator });
  disableWebhookEndpoint(database.db, id, operator);
  disableWebhookEndpoint(database.db, id, operator);
  assert.is(loadWebhookEndpoint(database.db, kek, id)!.enabled, false);
  assert.equal(database.db.select({ a: auditLog.action }).from(auditLog).all().map((r) => r.a), ['webhook_endpoint.created', 'webhook_endpoint.disabled']);
  assert.ok(verifyAuditChain(database.db).ok);
  assert.throws(() => disableWebhookEndpoint(database.db, 'we_none', operator), (e: { code: string }) => e.code === 'webhook_endpoint_not_found');
  database.close();
});

disable.run();
