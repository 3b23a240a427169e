// Setting a box's wall clock. The box loses it on every reset (its HELLO then says CLOCK_UNSET), and an
// authenticated CLOCK telegram is the only way it learns the time again.
import { appendAudit } from '../../audit/append.ts';
import type { Executor } from '../../db/open.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { operatorActor, type OperatorPrincipal } from '../authority/permissions.ts';
import { queueCommand } from '../box-commands/index.ts';
import { scopedBox } from './scope.ts';

export interface QueuedClock {
  boxId: string;
  commandId: string;
}

/**
 * Queues a CLOCK command for the box. It carries no time: the telegram's time is the moment a wallet's session
 * seals it, so a command that waited hours for a wallet still sets the right time. A CLOCK still waiting is
 * superseded (one is enough).
 */
export function queueClock(db: Executor, principal: OperatorPrincipal, boxId: string, now: number): QueuedClock {
  return db.transaction((tx) => {
    const box = scopedBox(tx, principal, boxId);
    if (box.status === 'retired') throw new CloudError('box_retired', 'a retired box takes no commands');
    const command = queueCommand(tx, { boxId: box.id, kind: 'clock', payload: {}, actor: operatorActor(principal), now });
    appendAudit(tx, {
      at: now, actor: operatorActor(principal), action: 'box.clock_queued', subjectType: 'box', subjectId: box.id,
      data: { merchantId: box.ownerId, commandId: command.id },
    });
    return { boxId: box.id, commandId: command.id };
  });
}
