import { SQLiteTransaction } from 'drizzle-orm/sqlite-core';
import type { Executor } from './open.ts';

interface Member {
  write: (tx: Executor) => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: every write transaction queued during one event-loop turn runs, each in its own SAVEPOINT, under
 * one `BEGIN IMMEDIATE … COMMIT`, so with synchronous=FULL they share one fsync. A member that throws is rolled
 * back alone and its promise rejects; the others keep their writes. No promise settles before the COMMIT
 * returned, so nothing is answered (and no acquirer is called) on a write that is not on disk yet. The whole
 * batch runs synchronously, so no other request ever sees a member's writes before they are committed.
 */
export class GroupCommit {
  private queue: Member[] = [];
  /** Batches committed so far (each one fsync): tests and benchmarks read it. */
  batches = 0;

  constructor(private readonly db: Executor) {}

  /** Runs `write` in the next batch; resolves with its value once the batch committed. `write` must be synchronous. */
  run<T>(write: (tx: Executor) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => this.flush());
      this.queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  private flush(): void {
    const members = this.queue;
    this.queue = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; err: unknown })[] = [];
    try {
      this.db.transaction((batch) => {
        for (const member of members) {
          try {
            outcomes.push({ ok: true, value: batch.transaction((tx) => member.write(tx)) });
          } catch (err) {
            outcomes.push({ ok: false, err });
          }
        }
      }, { behavior: 'immediate' });
    } catch (err) {
      // BEGIN or COMMIT failed (a busy lock, a full disk): nothing of the batch is stored.
      for (const member of members) member.reject(err);
      return;
    }
    this.batches += 1;
    members.forEach((member, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) member.resolve(outcome.value);
      else member.reject(outcome.err);
    });
  }
}

const insideTransaction = (db: Executor): boolean => db instanceof SQLiteTransaction;

const byDatabase = new WeakMap<Executor, GroupCommit>();

/** The database's one group committer (created on first use). */
export function groupCommitFor(db: Executor): GroupCommit {
  let group = byDatabase.get(db);
  if (group === undefined) {
    group = new GroupCommit(db);
    byDatabase.set(db, group);
  }
  return group;
}

/**
 * A service's write transaction through the group commit. Called with a transaction (a caller that chose the
 * boundary itself, as tests and composed services do), it runs at once as a savepoint of that transaction.
 */
export function commitWrite<T>(db: Executor, write: (tx: Executor) => T): Promise<T> {
  if (insideTransaction(db)) {
    try {
      return Promise.resolve(db.transaction(write));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }
  return groupCommitFor(db).run(write);
}
