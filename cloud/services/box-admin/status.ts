import { eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import { boxes } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { operatorActor, type OperatorPrincipal } from '../authority/permissions.ts';
import { refreshAdvertised, type BoxAdminDeps } from './deps.ts';
import { scopedBox, type BoxRow } from './scope.ts';

/** What an operator may set: `active` unblocks; the others put the box on the deny list (payments refused). */
export const SETTABLE_STATUSES = ['active', 'blocked', 'lost', 'stolen'] as const;
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

const ACTIONS: Record<SettableStatus, string> = { active: 'box.unblocked', blocked: 'box.blocked', lost: 'box.marked_lost', stolen: 'box.marked_stolen' };

export interface StatusInput {
  status: SettableStatus;
  /** Free text kept in the audit log (a police report number, a customer's call). */
  reason?: string;
}

/** Blocks, unblocks or marks a box lost or stolen. A retired box stays retired. */
export function setBoxStatus(deps: BoxAdminDeps, principal: OperatorPrincipal, boxId: string, input: StatusInput, now: number): BoxRow['status'] {
  const changed = deps.db.transaction((tx) => {
    const box = scopedBox(tx, principal, boxId);
    if (box.status === 'retired') throw new CloudError('box_retired', 'a retired box cannot change status');
    if (box.status === input.status) return undefined;
    tx.update(boxes).set({ status: input.status }).where(eq(boxes.id, box.id)).run();
    appendAudit(tx, {
      at: now, actor: operatorActor(principal), action: ACTIONS[input.status], subjectType: 'box', subjectId: box.id,
      data: { merchantId: box.ownerId, from: box.status, to: input.status, ...(input.reason === undefined ? {} : { reason: input.reason }) },
    });
    return box.id;
  });
  // Only active boxes are in the advertising index: a blocked box no longer resolves, an unblocked one does again.
  if (changed !== undefined) refreshAdvertised(deps, changed);
  return input.status;
}
