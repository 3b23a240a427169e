import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import type { Executor } from '../../db/open.ts';
import { boxes, stores } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { operatorActor, type OperatorPrincipal } from '../authority/permissions.ts';
import { scopedBox } from './scope.ts';

export interface ActivateInput {
  storeId: string;
  machineName: string;
  /** SCENARIO code the machine runs; its CONFIG (outputs, prices) is set with configureBox. */
  scenario: number;
}

/** Places a shipped box: a store of the box's own merchant, the machine it drives, its scenario. */
export function activateBox(db: Executor, principal: OperatorPrincipal, boxId: string, input: ActivateInput, now: number): void {
  db.transaction((tx) => {
    const box = scopedBox(tx, principal, boxId);
    if (box.storeId !== null) throw new CloudError('box_already_activated', 'the box is already placed in a store');
    if (box.ownerId === null) throw new CloudError('box_not_shipped', 'the box has no merchant yet; import its shipment first');
    if (box.status !== 'active') throw new CloudError('box_blocked', `the box is ${box.status}`);
    const store = tx.select({ id: stores.id }).from(stores).where(and(eq(stores.id, input.storeId), eq(stores.merchantId, box.ownerId))).get();
    if (!store) throw new CloudError('store_not_found', 'no store with this id at the box\'s merchant');
    tx.update(boxes).set({
      storeId: store.id, merchantId: box.ownerId, machineName: input.machineName, scenario: input.scenario, activatedAt: now,
    }).where(eq(boxes.id, box.id)).run();
    appendAudit(tx, {
      at: now, actor: operatorActor(principal), action: 'box.activated', subjectType: 'box', subjectId: box.id,
      data: { merchantId: box.ownerId, storeId: store.id, machineName: input.machineName, scenario: input.scenario },
    });
  });
}
