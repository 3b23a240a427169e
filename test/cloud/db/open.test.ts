import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { migrateDatabase, openDatabase } from '../../../cloud/db/index.ts';
import { boxes, stores } from '../../../cloud/db/schema/index.ts';
import { migratedDatabase, seedBoxes, tempDir } from '../fixtures.ts';

const dir = tempDir();
const open = suite('openDatabase');

open('sets WAL, durable FULL commits, foreign keys and a busy timeout on a file', () => {
  const database = openDatabase(join(dir.path, 'pragmas', 'db.sqlite'), { busyTimeoutMs: 1234 });
  try {
    assert.is(database.sqlite.pragma('journal_mode', { simple: true }), 'wal');
    assert.is(database.sqlite.pragma('synchronous', { simple: true }), 2);
    assert.is(database.sqlite.pragma('foreign_keys', { simple: true }), 1);
    assert.is(database.sqlite.pragma('busy_timeout', { simple: true }), 1234);
  } finally {
    database.close();
  }
});

open('opens read-only without creating a missing file', () => {
  assert.throws(() => openDatabase(join(dir.path, 'absent.sqlite'), { readonly: true }), /unable to open|does not exist/i);
});

open.run();

const migrate = suite('migrateDatabase');
migrate.after(() => dir.remove());

const TABLES = [
  'accounts', 'acquirer_settings', 'api_keys', 'audit_log', 'box_commands', 'box_keys', 'box_log_records', 'box_sessions', 'box_shipments', 'boxes', 'departments', 'idempotency_keys', 'merchandise', 'merchant_qr_keys', 'merchants',
  'operator_sessions', 'payment_events', 'payment_receipts', 'payments', 'refunds', 'role_permissions', 'roles', 'stores', 'wallet_apps', 'wallet_challenges', 'wallet_request_nonces', 'webhook_deliveries',
  'webhook_delivery_attempts', 'webhook_endpoints',
];

migrate('creates every table from the committed migrations', () => {
  const database = migratedDatabase(join(dir.path, 'tables.sqlite'));
  const names = database.sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
    .pluck()
    .all();
  database.close();
  assert.equal(names, TABLES);
});

migrate('is a no-op on an up-to-date database, so every start may run it', () => {
  const path = join(dir.path, 'twice.sqlite');
  const database = migratedDatabase(path);
  seedBoxes(database, ['0011223344556677']);
  migrateDatabase(database);
  database.close();
  const again = migratedDatabase(path);
  assert.is(again.db.select().from(boxes).all().length, 1);
  again.close();
});

migrate('enforces foreign keys and the box id format', () => {
  const database = migratedDatabase(':memory:');
  assert.throws(() => database.db.insert(stores).values({ id: 's', merchantId: 'nobody', name: 'x', createdAt: 1 }).run(), /FOREIGN KEY/);
  seedBoxes(database, []);
  for (const id of ['0011', '00112233445566ZZ'.toLowerCase(), 'AABBCCDDEEFF0011']) {
    assert.throws(() => database.db.insert(boxes).values({ id, storeId: 's_1', scenario: 1, createdAt: 1 }).run(), /CHECK/, id);
  }
  database.close();
});

migrate.run();
