import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { verifyAuditChain } from '../../../../cloud/audit/index.ts';
import { openSecret } from '../../../../cloud/crypto/index.ts';
import type { OpenDatabase } from '../../../../cloud/db/index.ts';
import { auditLog, boxKeys } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/index.ts';
import { createBoxKey, loadBoxKeys, rotateBoxKey } from '../../../../cloud/services/box-keys/index.ts';
import { fromHex } from '../../../../shared/bytes/hex.ts';
import { deriveBoxKeys } from '../../../../shared/protocol/keys.ts';
import { migratedDatabase, randomKek, seedBoxes, tempDir } from '../../fixtures.ts';

const BOX = '0011223344556677';
const OTHER = '8899aabbccddeeff';
const kek = randomKek();
const options = { kek, actor: 'operator:test', now: () => 1_700_000_000_000 };
const dir = tempDir();
let count = 0;

function fresh(): { database: OpenDatabase; path: string } {
  const path = join(dir.path, `keys-${++count}.sqlite`);
  const database = migratedDatabase(path);
  seedBoxes(database, [BOX, OTHER]);
  return { database, path };
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof CloudError) return err.code;
    throw err;
  }
  return 'none';
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).indexOf(Buffer.from(needle)) !== -1;
}

const create = suite('createBoxKey');

create('issues version 1 whose keys come back from the sealed secret unchanged', () => {
  const { database } = fresh();
  const issued = createBoxKey(database.db, BOX, options);
  assert.is(issued.keyVersion, 1);
  assert.equal(loadBoxKeys(database.db, kek, BOX), issued.keys);
  assert.equal(loadBoxKeys(database.db, kek, BOX, 1), issued.keys);
  database.close();
});

create('derives the keys with the protocol HKDF from a random master secret per box', () => {
  const { database } = fresh();
  const a = createBoxKey(database.db, BOX, options);
  const b = createBoxKey(database.db, OTHER, options);
  const row = database.db.select().from(boxKeys).where(eq(boxKeys.boxId, BOX)).get()!;
  const master = openSecret(kek, row.sealedSecret, `box_keys/${BOX}/1`);
  assert.equal(deriveBoxKeys(master, fromHex(BOX), 1), a.keys);
  assert.is.not(Buffer.from(a.keys.macKey).toString('hex'), Buffer.from(b.keys.macKey).toString('hex'));
  database.close();
});

create('never writes the master secret or the derived keys to the database file', () => {
  const { database, path } = fresh();
  const issued = createBoxKey(database.db, BOX, options);
  const row = database.db.select().from(boxKeys).get()!;
  const master = openSecret(kek, row.sealedSecret, `box_keys/${BOX}/1`);
  assert.not.ok(contains(row.sealedSecret, master));
  const audit = database.db.select().from(auditLog).all();
  database.close();
  const files = readdirSync(dir.path).filter((f) => f.startsWith(path.split('/').at(-1)!));
  const bytes = Buffer.concat(files.map((f) => readFileSync(join(dir.path, f))));
  for (const secret of [master, issued.keys.encKey, issued.keys.macKey, issued.keys.posKey]) {
    assert.not.ok(contains(bytes, secret));
    assert.not.ok(JSON.stringify(audit).includes(Buffer.from(secret).toString('hex')));
  }
});

create('records the creation in the audit log without the secret', () => {
  const { database } = fresh();
  createBoxKey(database.db, BOX, options);
  const rows = database.db.select().from(auditLog).all();
  assert.equal(rows.map((r) => [r.action, r.subjectId, r.actor, r.data]), [['box_key.created', BOX, 'operator:test', '{"keyVersion":1}']]);
  assert.is(verifyAuditChain(database.db).ok, true);
  database.close();
});

create('refuses a second creation, an unknown box and a malformed box id', () => {
  const { database } = fresh();
  createBoxKey(database.db, BOX, options);
  assert.is(code(() => createBoxKey(database.db, BOX, options)), 'box_key_exists');
  assert.is(code(() => createBoxKey(database.db, 'ffffffffffffffff', options)), 'box_not_found');
  assert.is(code(() => createBoxKey(database.db, 'BOX', options)), 'invalid_box_id');
  assert.is(database.db.select().from(auditLog).all().length, 1);
  database.close();
});

create('joins the caller\'s transaction: when it rolls back, neither the key nor its audit row remain', () => {
  const { database } = fresh();
  try {
    database.db.transaction((tx) => {
      createBoxKey(tx, BOX, options);
      throw new Error('provisioning failed after the key was made');
    });
  } catch {
    // the rollback is what is being tested
  }
  assert.is(database.db.select().from(boxKeys).all().length, 0);
  assert.is(database.db.select().from(auditLog).all().length, 0);
  database.close();
});

create.run();

const rotate = suite('rotateBoxKey');

rotate('issues the next version with new keys and keeps the old version readable but retired', () => {
  const { database } = fresh();
  const first = createBoxKey(database.db, BOX, options);
  const second = rotateBoxKey(database.db, BOX, options);
  assert.is(second.keyVersion, 2);
  assert.is.not(Buffer.from(second.keys.encKey).toString('hex'), Buffer.from(first.keys.encKey).toString('hex'));
  assert.equal(loadBoxKeys(database.db, kek, BOX), second.keys);
  assert.equal(loadBoxKeys(database.db, kek, BOX, 1), first.keys);
  const rows = database.db.select().from(boxKeys).orderBy(boxKeys.keyVersion).all();
  assert.equal(rows.map((r) => [r.keyVersion, r.status, r.retiredAt]), [[1, 'retired', 1_700_000_000_000], [2, 'active', null]]);
  database.close();
});

rotate('records each rotation in the audit log, and the chain verifies', () => {
  const { database } = fresh();
  createBoxKey(database.db, BOX, options);
  rotateBoxKey(database.db, BOX, options);
  rotateBoxKey(database.db, BOX, options);
  const rows = database.db.select().from(auditLog).all();
  assert.equal(rows.map((r) => r.data), ['{"keyVersion":1}', '{"keyVersion":2,"previousVersion":1}', '{"keyVersion":3,"previousVersion":2}']);
  assert.equal(verifyAuditChain(database.db), { ok: true, rows: 3, head: rows[2]!.hash });
  database.close();
});

rotate('refuses a box without keys, and stops at version 255 leaving no audit row behind', () => {
  const { database } = fresh();
  assert.is(code(() => rotateBoxKey(database.db, BOX, options)), 'box_key_not_found');
  createBoxKey(database.db, BOX, options);
  database.sqlite.prepare('update box_keys set key_version = 255 where box_id = ?').run(BOX);
  assert.is(code(() => rotateBoxKey(database.db, BOX, options)), 'key_versions_exhausted');
  assert.is(database.db.select().from(auditLog).all().length, 1);
  database.close();
});

rotate.run();

const load = suite('loadBoxKeys');
load.after(() => dir.remove());

load('fails clearly under a wrong KEK', () => {
  const { database } = fresh();
  createBoxKey(database.db, BOX, options);
  try {
    loadBoxKeys(database.db, randomKek(), BOX);
    assert.unreachable('opened under another KEK');
  } catch (err) {
    assert.instance(err, CloudError);
    assert.is((err as CloudError).code, 'kek_mismatch');
    assert.match((err as CloudError).message, /box_keys\/0011223344556677\/1: wrong key-encryption key \(WAYGO_KEK\)/);
  }
  database.close();
});

load('refuses a sealed secret copied from another box or version', () => {
  const { database } = fresh();
  createBoxKey(database.db, BOX, options);
  createBoxKey(database.db, OTHER, options);
  database.sqlite.prepare('update box_keys set sealed_secret = (select sealed_secret from box_keys where box_id = ?) where box_id = ?').run(OTHER, BOX);
  assert.is(code(() => loadBoxKeys(database.db, kek, BOX)), 'kek_mismatch');
  database.close();
});

load('names a missing box or version', () => {
  const { database } = fresh();
  assert.is(code(() => loadBoxKeys(database.db, kek, BOX)), 'box_key_not_found');
  createBoxKey(database.db, BOX, options);
  assert.is(code(() => loadBoxKeys(database.db, kek, BOX, 7)), 'box_key_not_found');
  database.close();
});

load.run();
