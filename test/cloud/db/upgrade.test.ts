import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../../../cloud/db/index.ts';
import { openDatabase } from '../../../cloud/db/open.ts';
import { tempDir } from '../fixtures.ts';

const dir = tempDir();
const test = suite('migrations on a database in use');
test.after(() => dir.remove());

/** A copy of the migrations folder whose journal lists only the first `count`, as an older release shipped it. */
function releaseWith(count: number): string {
  const folder = join(dir.path, `migrations-${count}`);
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return folder;
}

test('the operator migration rebuilds boxes under their keys and payments without losing a row or a reference', () => {
  const database = openDatabase(join(dir.path, 'old.sqlite'));
  const { sqlite } = database;
  migrateDatabase(database, releaseWith(4));
  sqlite.exec(`
    insert into merchants(id, name, created_at) values ('m_1', 'Laundry Corner', 1);
    insert into stores(id, merchant_id, name, created_at) values ('s_1', 'm_1', 'Main Street', 1);
    insert into boxes(id, store_id, scenario, counter, created_at) values ('0011223344556677', 's_1', 1, 7, 1);
    insert into box_keys(box_id, key_version, sealed_secret, status, created_at) values ('0011223344556677', 0, x'01', 'active', 1);`);
  migrateDatabase(database);
  const box = sqlite.prepare('select id, store_id, counter, config_version, merchant_id from boxes').get();
  assert.equal(box, { id: '0011223344556677', store_id: 's_1', counter: 7, config_version: 0, merchant_id: null });
  assert.equal(sqlite.pragma('foreign_key_check'), []);
  assert.equal(sqlite.pragma('foreign_keys', { simple: true }), 1);
  database.close();
});

test('the attribution migration gives every payment its box\'s store and merchant, keeping its events and refunds', () => {
  const database = openDatabase(join(dir.path, 'attribution.sqlite'));
  const { sqlite } = database;
  migrateDatabase(database, releaseWith(6));
  sqlite.exec(`
    insert into merchants(id, name, created_at) values ('m_1', 'Laundry Corner', 1), ('m_2', 'Arcade', 1);
    insert into stores(id, merchant_id, name, created_at) values ('s_1', 'm_1', 'Main Street', 1), ('s_2', 'm_2', 'Pier', 1);
    insert into boxes(id, store_id, merchant_id, scenario, created_at) values ('0011223344556677', 's_1', 'm_1', 1, 1), ('8899aabbccddeeff', 's_2', 'm_2', 1, 1);
    insert into wallet_apps(id, wallet_id, name, sealed_signing_key, created_at) values ('wa_1', 1, 'Pay', x'01', 1);
    insert into payments(id, txn_id, box_id, wallet_app_id, amount_minor, currency, state, created_at, updated_at, charge_status, refunded_minor)
      values ('pay_1', 7, '0011223344556677', 'wa_1', 300, 'JPY', 'refunded', 10, 20, 'approved', 300),
             ('pay_2', 8, '8899aabbccddeeff', 'wa_1', 500, 'JPY', 'finish', 11, 21, 'approved', 0);
    insert into payment_events(payment_id, from_state, to_state, reason, created_at) values ('pay_1', null, 'request', 'created', 10);
    insert into refunds(id, payment_id, amount_minor, state, reason, created_at, updated_at) values ('re_1', 'pay_1', 300, 'refunded', 'test', 20, 20);`);
  migrateDatabase(database);
  const rows = sqlite.prepare('select id, merchant_id, store_id, amount_minor, state, refunded_minor, updated_at from payments order by id').all();
  assert.equal(rows, [
    { id: 'pay_1', merchant_id: 'm_1', store_id: 's_1', amount_minor: 300, state: 'refunded', refunded_minor: 300, updated_at: 20 },
    { id: 'pay_2', merchant_id: 'm_2', store_id: 's_2', amount_minor: 500, state: 'finish', refunded_minor: 0, updated_at: 21 },
  ]);
  assert.equal(sqlite.prepare('select count(*) as n from payment_events').get(), { n: 1 });
  assert.equal(sqlite.prepare('select payment_id from refunds').get(), { payment_id: 'pay_1' });
  const indexes = (sqlite.prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'payments' order by name`).all() as { name: string }[]).map((r) => r.name);
  assert.ok(indexes.includes('payments_merchant_created_idx') && indexes.includes('payments_store_created_idx') && indexes.includes('payments_box_txn_idx'));
  assert.equal(sqlite.pragma('foreign_key_check'), []);
  assert.equal(sqlite.pragma('foreign_keys', { simple: true }), 1);
  database.close();
});

test.run();
