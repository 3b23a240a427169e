import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from './open.ts';

/**
 * A query built once per connection and reused. Building a drizzle query (its SQL text, then SQLite's prepare)
 * costs more than running it for the small indexed reads and writes on every wallet request, so hot queries keep
 * their prepared form. The database and every transaction on it share one drizzle session (one SQLite
 * connection), and a statement prepared on that connection runs inside whatever transaction is open on it, so
 * the query built on the first handle serves all of them.
 */
export function preparedQuery<T>(build: (db: Executor) => T): (db: Executor) => T {
  const bySession = new WeakMap<object, T>();
  return (db) => {
    const session = sessionOf(db);
    let query = bySession.get(session);
    if (query === undefined) {
      query = build(db);
      bySession.set(session, query);
    }
    return query;
  };
}

/** drizzle keeps the session as an internal field (not in its types); a transaction shares its database's. */
function sessionOf(db: Executor): object {
  return (db as unknown as { session: object }).session;
}

/** A placeholder where drizzle's types take only an SQL value (`update().set()`); bound like any placeholder. */
export const bound = (name: string): SQL => sql`${sql.placeholder(name)}`;
