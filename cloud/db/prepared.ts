import type { Executor } from './open.ts';

/**
 * A query built once per database handle and reused. Building a drizzle query (its SQL text, then SQLite's
 * prepare) costs more than running it for the small indexed reads on every wallet request, so hot reads keep
 * their prepared form. A transaction handle is a new object each time, so inside one the query is built afresh.
 */
export function preparedQuery<T>(build: (db: Executor) => T): (db: Executor) => T {
  const byHandle = new WeakMap<Executor, T>();
  return (db) => {
    let query = byHandle.get(db);
    if (query === undefined) {
      query = build(db);
      byHandle.set(db, query);
    }
    return query;
  };
}
