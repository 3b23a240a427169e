import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { boxCommands } from '../../db/schema/index.ts';

export type CommandKind = (typeof boxCommands.$inferSelect)['kind'];
export type CommandRow = typeof boxCommands.$inferSelect;

/** Commands a wallet may still carry to the box: sealed ones too, since their receipt may have been lost. */
export const OPEN_COMMAND_STATES: CommandRow['state'][] = ['pending', 'delivered'];

export interface QueueCommandInput {
  boxId: string;
  kind: CommandKind;
  /** The telegram's own fields; never key material. */
  payload: Record<string, unknown>;
  actor: string;
  now: number;
}

/**
 * Queues a command for the box. Only the newest CONFIG or KEY_ROTATION matters (each replaces the whole
 * configuration or key set), so older open commands of the same kind are superseded in the same write.
 */
export function queueCommand(tx: Executor, input: QueueCommandInput): CommandRow {
  supersedeCommands(tx, input.boxId, input.kind, input.now);
  const row: CommandRow = {
    id: `cmd_${randomBytes(12).toString('hex')}`, boxId: input.boxId, kind: input.kind, payload: input.payload, state: 'pending',
    txnId: null, createdBy: input.actor, createdAt: input.now, updatedAt: input.now,
  };
  tx.insert(boxCommands).values(row).run();
  return row;
}

/** Open commands per box, for lists. */
export function openCommandCounts(db: Executor, boxIds: string[]): Record<string, number> {
  if (boxIds.length === 0) return {};
  const rows = db.select({ boxId: boxCommands.boxId, n: sql<number>`count(*)` }).from(boxCommands)
    .where(and(inArray(boxCommands.boxId, boxIds), inArray(boxCommands.state, OPEN_COMMAND_STATES)))
    .groupBy(boxCommands.boxId).all();
  return Object.fromEntries(rows.map((r) => [r.boxId, r.n]));
}

/** Supersedes every open command of `kind` (a re-provisioned box was given its keys or configuration directly). */
export function supersedeCommands(tx: Executor, boxId: string, kind: CommandKind, now: number): void {
  tx.update(boxCommands).set({ state: 'superseded', updatedAt: now })
    .where(and(eq(boxCommands.boxId, boxId), eq(boxCommands.kind, kind), inArray(boxCommands.state, OPEN_COMMAND_STATES))).run();
}
