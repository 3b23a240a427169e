import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { GENESIS_HASH, appendAudit, auditHash, verifyAuditChain } from '../../../cloud/audit/index.ts';
import type { OpenDatabase } from '../../../cloud/db/index.ts';
import { auditLog } from '../../../cloud/db/schema/index.ts';
import { migratedDatabase, tempDir } from '../fixtures.ts';

const dir = tempDir();
let count = 0;

/** A fresh migrated database file with `rows` payment-like audit rows (ids 1..rows). */
function chain(rows: number): OpenDatabase {
  const database = migratedDatabase(join(dir.path, `audit-${++count}.sqlite`));
  for (let i = 1; i <= rows; i++) {
    appendAudit(database.db, {
      actor: 'system', action: 'payment.accepted', subjectType: 'payment', subjectId: `pay_${i}`,
      data: { amountMinor: 100 * i, currency: 'EUR' }, at: 1_700_000_000_000 + i,
    });
  }
  return database;
}

const append = suite('appendAudit');

append('links each row to the previous one, starting from the genesis hash', () => {
  const database = chain(3);
  const rows = database.db.select().from(auditLog).all();
  database.close();
  assert.equal(rows.map((r) => r.id), [1, 2, 3]);
  assert.is(rows[0]!.prevHash, GENESIS_HASH);
  assert.is(rows[1]!.prevHash, rows[0]!.hash);
  assert.is(rows[2]!.prevHash, rows[1]!.hash);
  assert.is(rows[0]!.data, '{"amountMinor":100,"currency":"EUR"}');
});

append('hashes SHA-256 of the previous hash (raw bytes) and the canonical JSON of the row', () => {
  const fields = { id: 1, at: 5, actor: 'a', action: 'b', subjectType: 'c', subjectId: 'd', data: { x: 1 } };
  // Computed apart from this code: sha256(32 zero bytes ‖ '{"action":"b","actor":"a","at":5,"data":{"x":1},"id":1,"subjectId":"d","subjectType":"c"}').
  assert.is(auditHash(GENESIS_HASH, fields), '94c81b3bb75c4572deba8812500f846cdd095282820aa51c33af6fa3b59a0389');
  assert.is.not(auditHash('11'.repeat(32), fields), auditHash(GENESIS_HASH, fields));
});

append('commits or rolls back together with the caller\'s transaction', () => {
  const database = chain(1);
  try {
    database.db.transaction((tx) => {
      appendAudit(tx, { actor: 'system', action: 'payment.failed', subjectType: 'payment', subjectId: 'pay_x', data: {} });
      throw new Error('the change it records failed');
    });
  } catch {
    // the rollback is what is being tested
  }
  assert.is(database.db.select().from(auditLog).all().length, 1);
  database.close();
});

append('cannot fork the chain: a second row on the same predecessor is refused', () => {
  const database = chain(2);
  const first = database.db.select().from(auditLog).all()[0]!;
  assert.throws(() => database.db.insert(auditLog).values({ ...first, id: 9, hash: 'ff'.repeat(32) }).run(), /UNIQUE/);
  database.close();
});

append.run();

const verify = suite('verifyAuditChain');
verify.after(() => dir.remove());

verify('proves an empty chain and an intact one, reading it in pages', () => {
  const empty = chain(0);
  assert.equal(verifyAuditChain(empty.db), { ok: true, rows: 0, head: GENESIS_HASH });
  empty.close();
  const database = chain(7);
  const head = database.db.select().from(auditLog).all().at(-1)!.hash;
  assert.equal(verifyAuditChain(database.db, { pageSize: 3 }), { ok: true, rows: 7, head });
  database.close();
});

verify('names the row whose amount was changed with raw SQL', () => {
  const database = chain(5);
  database.sqlite.prepare("update audit_log set data = json_set(data, '$.amountMinor', 1) where id = 3").run();
  const result = verifyAuditChain(database.db, { pageSize: 2 });
  database.close();
  assert.equal(result, { ok: false, rows: 2, brokenId: 3, reason: 'its hash does not match its contents (the row was altered)' });
});

verify('names the row after a deleted one', () => {
  const database = chain(5);
  database.sqlite.prepare('delete from audit_log where id = 3').run();
  const result = verifyAuditChain(database.db);
  database.close();
  assert.is(result.ok, false);
  if (!result.ok) {
    assert.is(result.brokenId, 4);
    assert.match(result.reason, /prev_hash does not match row 2's hash/);
  }
});

verify('names the new first row when the first rows were deleted', () => {
  const database = chain(3);
  database.sqlite.prepare('delete from audit_log where id = 1').run();
  const result = verifyAuditChain(database.db);
  database.close();
  assert.equal(result, { ok: false, rows: 0, brokenId: 2, reason: 'the chain does not start at row 1 (earlier rows were removed)' });
});

verify('names a row whose hash was recomputed after tampering, through the next row\'s link', () => {
  const database = chain(4);
  const row = database.db.select().from(auditLog).all()[1]!;
  const data = { amountMinor: 1, currency: 'EUR' };
  const forged = auditHash(row.prevHash, { id: row.id, at: row.at, actor: row.actor, action: row.action, subjectType: row.subjectType, subjectId: row.subjectId, data });
  database.sqlite.prepare('update audit_log set data = ?, hash = ? where id = 2').run(JSON.stringify(data), forged);
  const result = verifyAuditChain(database.db);
  database.close();
  assert.is(result.ok ? 0 : result.brokenId, 3);
});

verify('names a row whose data is no longer JSON', () => {
  const database = chain(2);
  database.sqlite.prepare("update audit_log set data = '{' where id = 2").run();
  const result = verifyAuditChain(database.db);
  database.close();
  assert.equal(result, { ok: false, rows: 1, brokenId: 2, reason: 'its data is not valid JSON' });
});

verify.run();
