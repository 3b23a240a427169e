import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { verifyAuditChain } from '../../../../cloud/audit/index.ts';
import { auditLog, walletApps } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/index.ts';
import { createWalletApp, disableWalletApp, loadActiveWalletApp } from '../../../../cloud/services/wallet-apps/index.ts';
import { migratedDatabase, randomKek } from '../../fixtures.ts';

const kek = randomKek();
const options = { kek, actor: 'operator:test', now: () => 1_700_000_000_000 };

const create = suite('createWalletApp');

create('returns a 32-byte key once and keeps only its sealed form', () => {
  const database = migratedDatabase(':memory:');
  const app = createWalletApp(database.db, 'Pay App', options);
  const key = Buffer.from(app.signingKey, 'base64url');
  assert.is(key.length, 32);
  const row = database.db.select().from(walletApps).where(eq(walletApps.id, app.id)).get()!;
  assert.is(row.sealedSigningKey.indexOf(key), -1);
  assert.equal(Buffer.from(loadActiveWalletApp(database.db, kek, app.id)!.signingKey), key);
  database.close();
});

create('numbers wallet ids from 1 up, one per app', () => {
  const database = migratedDatabase(':memory:');
  const ids = [1, 2, 3].map((i) => createWalletApp(database.db, `App ${i}`, options).walletId);
  assert.equal(ids, [1, 2, 3]);
  database.close();
});

create('writes the creation to the audit log without the key', () => {
  const database = migratedDatabase(':memory:');
  const app = createWalletApp(database.db, 'Pay App', options);
  const rows = database.db.select().from(auditLog).all();
  assert.is(rows.length, 1);
  assert.is(rows[0]!.action, 'wallet_app.created');
  assert.not.ok(rows[0]!.data.includes(app.signingKey));
  assert.ok(verifyAuditChain(database.db).ok);
  database.close();
});

const disable = suite('disableWalletApp');

disable('makes the app unusable and audits it once', () => {
  const database = migratedDatabase(':memory:');
  const app = createWalletApp(database.db, 'Pay App', options);
  disableWalletApp(database.db, app.id, options);
  disableWalletApp(database.db, app.id, options);
  assert.is(loadActiveWalletApp(database.db, kek, app.id), undefined);
  assert.equal(database.db.select().from(auditLog).all().map((r) => r.action), ['wallet_app.created', 'wallet_app.disabled']);
  database.close();
});

disable('refuses an unknown app with wallet_app_not_found', () => {
  const database = migratedDatabase(':memory:');
  try {
    disableWalletApp(database.db, 'wa_none', options);
    assert.unreachable();
  } catch (err) {
    assert.instance(err, CloudError);
    assert.is((err as CloudError).code, 'wallet_app_not_found');
  }
  database.close();
});

create.run();
disable.run();
