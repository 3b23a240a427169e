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

test.run();
