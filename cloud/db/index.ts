export { openDatabase } from './open.ts';
export type { Db, Executor, OpenDatabase, OpenDatabaseOptions, Schema } from './open.ts';
export { MIGRATIONS_FOLDER, migrateDatabase } from './migrate.ts';
export * as schema from './schema/index.ts';
export { bound, preparedQuery } from './prepared.ts';
export { GroupCommit, commitWrite, groupCommitFor } from './group-commit.ts';
