import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq, sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bound, openDatabase, preparedQuery, type OpenDatabase } from '../../../cloud/db/index.ts';

const notes = sqliteTable('notes', { id: integer('id').primaryKey(), note: text('note').notNull() });

function notesDatabase(): OpenDatabase {
  const database = openDatabase(':memory:');
  database.sqlite.exec("create table notes (id integer primary key, note text not null); insert into notes (note) values ('old')");
  return database;
}

const prepared = suite('preparedQuery');

prepared('builds a query once per connection and serves the database and its transactions with it', () => {
  const database = notesDatabase();
  let built = 0;
  const counted = preparedQuery((db) => {
    built += 1;
    return db.select({ n: sql<number>`count(*)` }).from(notes).prepare();
  });
  assert.is(counted(database.db).get()?.n, 1);
  assert.throws(() => database.db.transaction((tx) => {
    tx.insert(notes).values({ note: 'uncommitted' }).run();
    assert.is(counted(tx).get()?.n, 2, 'the statement runs inside the open transaction');
    tx.transaction((inner) => assert.is(counted(inner).get()?.n, 2));
    tx.rollback();
  }), /Rollback/);
  assert.is(counted(database.db).get()?.n, 1);
  assert.is(built, 1);
  database.close();
});

prepared('builds afresh for another connection', () => {
  const one = notesDatabase();
  const two = notesDatabase();
  let built = 0;
  const first = preparedQuery((db) => {
    built += 1;
    return db.select().from(notes).prepare();
  });
  assert.is(first(one.db).get()?.note, 'old');
  assert.is(first(two.db).get()?.note, 'old');
  assert.is(built, 2);
  one.close();
  two.close();
});

prepared.run();

const boundValue = suite('bound');

boundValue('binds a named value where drizzle takes only an SQL value (update set)', () => {
  const database = notesDatabase();
  const rename = database.db.update(notes).set({ note: bound('note') }).where(eq(notes.id, sql.placeholder('id'))).prepare();
  assert.is(rename.run({ note: 'new', id: 1 }).changes, 1);
  assert.is(database.db.select().from(notes).get()?.note, 'new');
  database.close();
});

boundValue.run();
