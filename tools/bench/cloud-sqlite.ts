import { openDatabase } from '../../cloud/db/open.ts';
import { measure, type Measurement } from './measure.ts';

/**
 * The floor under every durable write: one-row autocommit inserts with better-sqlite3 on a file opened by the
 * cloud's own openDatabase (WAL, synchronous=FULL), so each is one fsynced commit like a payment's.
 */
export function benchSqliteCommits(path: string): Measurement {
  const database = openDatabase(path);
  try {
    database.sqlite.exec('create table commits (id integer primary key, at integer not null, note text not null)');
    const insert = database.sqlite.prepare('insert into commits (at, note) values (?, ?)');
    return measure(() => insert.run(Date.now(), 'one durable row'), { rounds: 5, roundMs: 400 });
  } finally {
    database.close();
  }
}
