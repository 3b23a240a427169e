import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { GroupCommit, commitWrite, openDatabase, type Executor, type OpenDatabase } from '../../../cloud/db/index.ts';
import { tempDir } from '../fixtures.ts';

const dir = tempDir();
let opened = 0;

function notesDatabase(busyTimeoutMs?: number): OpenDatabase {
  opened += 1;
  const database = openDatabase(join(dir.path, `notes-${opened}.sqlite`), busyTimeoutMs === undefined ? {} : { busyTimeoutMs });
  database.sqlite.exec('create table notes (id integer primary key, note text not null unique)');
  return database;
}

const note = (text: string) => (tx: Executor) => tx.run(sql`insert into notes (note) values (${text})`).lastInsertRowid;
const notes = (database: OpenDatabase | Database.Database): string[] => {
  const handle = 'sqlite' in database ? database.sqlite : database;
  return (handle.prepare('select note from notes order by id').all() as { note: string }[]).map((r) => r.note);
};

const group = suite('GroupCommit');
group.after(() => dir.remove());

group('commits every write queued in one event-loop turn in one transaction', async () => {
  const database = notesDatabase();
  const commits = new GroupCommit(database.db);
  await Promise.all(['a', 'b', 'c'].map((text) => commits.run(note(text))));
  assert.is(commits.batches, 1);
  assert.equal(notes(database), ['a', 'b', 'c']);
  database.close();
});

group('rolls back only the member that throws: the others commit and resolve with their values', async () => {
  const database = notesDatabase();
  const commits = new GroupCommit(database.db);
  const failing = (tx: Executor) => {
    note('doomed')(tx);
    throw new Error('refused');
  };
  const [first, second, third] = await Promise.allSettled([commits.run(note('a')), commits.run(failing), commits.run(note('c'))]);
  assert.equal(first, { status: 'fulfilled', value: 1 });
  assert.is(second?.status, 'rejected');
  assert.match(String((second as PromiseRejectedResult).reason), /refused/);
  assert.equal(third, { status: 'fulfilled', value: 2 });
  assert.equal(notes(database), ['a', 'c']);
  database.close();
});

group('answers no member before the batch is committed: another connection already sees its row when it settles', async () => {
  const database = notesDatabase();
  const reader = new Database(database.sqlite.name, { readonly: true });
  const commits = new GroupCommit(database.db);
  const seenAtAnswer: number[] = [];
  const pending = ['a', 'b'].map((text) => commits.run(note(text)).then(() => seenAtAnswer.push(notes(reader).length)));
  assert.equal(notes(reader), [], 'nothing is written before the batch runs');
  await Promise.all(pending);
  assert.equal(seenAtAnswer, [2, 2]);
  reader.close();
  database.close();
});

group('rejects every member, keeping none of their writes, when the batch cannot begin or commit', async () => {
  const database = notesDatabase(10);
  const locker = new Database(database.sqlite.name);
  locker.exec('begin immediate');
  const commits = new GroupCommit(database.db);
  const results = await Promise.allSettled([commits.run(note('a')), commits.run(note('b'))]);
  locker.exec('rollback');
  assert.equal(results.map((r) => r.status), ['rejected', 'rejected']);
  assert.match(String((results[0] as PromiseRejectedResult).reason), /locked|busy/i);
  assert.is(commits.batches, 0);
  assert.equal(notes(database), []);
  locker.close();
  database.close();
});

group('starts a new batch for writes queued after the previous one committed', async () => {
  const database = notesDatabase();
  const commits = new GroupCommit(database.db);
  await commits.run(note('a'));
  await commits.run(note('b'));
  assert.is(commits.batches, 2);
  assert.equal(notes(database), ['a', 'b']);
  database.close();
});

group.run();

const write = suite('commitWrite');

write('goes through the database\'s one group commit', async () => {
  const database = notesDatabase();
  await Promise.all([commitWrite(database.db, note('a')), commitWrite(database.db, note('b'))]);
  assert.equal(notes(database), ['a', 'b']);
  database.close();
});

write('inside a caller\'s transaction runs at once as a savepoint of it, a failure rolling back only itself', async () => {
  const database = notesDatabase();
  const settled = database.db.transaction((tx) => {
    const kept = commitWrite(tx, note('kept'));
    const failed = commitWrite(tx, (inner) => {
      note('dropped')(inner);
      throw new Error('refused');
    });
    assert.equal(notes(database), ['kept'], 'written before the caller commits');
    return [kept, failed];
  });
  const [kept, failed] = await Promise.allSettled(settled);
  assert.is(kept?.status, 'fulfilled');
  assert.is(failed?.status, 'rejected');
  assert.equal(notes(database), ['kept']);
  database.close();
});

write.run();
