import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only and hash-chained (cloud/audit/). `id` is assigned by the appender as the previous id + 1, not
 * by the database, because it is part of what the hash covers. The unique prev_hash makes a fork (two rows
 * claiming the same predecessor) impossible even if two writers race.
 */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey(),
  at: integer('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: text('subject_id').notNull(),
  /** Canonical JSON of the action's details; never a secret. */
  data: text('data').notNull(),
  prevHash: text('prev_hash').notNull().unique(),
  hash: text('hash').notNull().unique(),
}, (t) => [
  // A payment's or a box's audit proof reads its own rows, not the whole chain.
  index('audit_log_subject_idx').on(t.subjectType, t.subjectId, t.id),
]);
