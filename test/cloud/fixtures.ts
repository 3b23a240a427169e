// Real SQLite files in a fresh temp directory with the committed migrations applied: what the server runs on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from '@noble/hashes/utils.js';
import { Kek } from '../../cloud/crypto/kek.ts';
import { migrateDatabase } from '../../cloud/db/migrate.ts';
import { openDatabase, type OpenDatabase } from '../../cloud/db/open.ts';
import { boxes, merchants, stores } from '../../cloud/db/schema/index.ts';

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'waygo-cloud-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function migratedDatabase(path: string): OpenDatabase {
  const database = openDatabase(path);
  migrateDatabase(database);
  return database;
}

export function randomKek(): Kek {
  return new Kek(randomBytes(32));
}

/** A merchant with one store and the given boxes (16-hex ids), for services that need a box to exist. */
export function seedBoxes(database: OpenDatabase, boxIds: string[]): void {
  const { db } = database;
  db.insert(merchants).values({ id: 'm_1', name: 'Laundry Corner', createdAt: 1 }).run();
  db.insert(stores).values({ id: 's_1', merchantId: 'm_1', name: 'Main Street', createdAt: 1 }).run();
  for (const id of boxIds) db.insert(boxes).values({ id, storeId: 's_1', scenario: 1, createdAt: 1 }).run();
}
