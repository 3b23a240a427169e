import { eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import type { Executor } from '../../db/open.ts';
import { boxes } from '../../db/schema/index.ts';
import { operatorActor, type OperatorPrincipal } from '../authority/permissions.ts';
import { queueCommand } from '../box-commands/index.ts';
import { configFields, type ConfigInput } from './config-fields.ts';
import { scopedBox } from './scope.ts';

export interface ConfiguredBox {
  boxId: string;
  configVersion: number;
  commandId: string;
  config: Record<string, number>;
}

/**
 * Sets the box's scenario, outputs and prices under the next configVersion and queues the CONFIG telegram (an
 * older one still waiting is superseded). The box row takes the scenario at once, so payments are priced for the
 * new configuration; a wallet delivers the CONFIG before it pays in the same session.
 */
export function configureBox(db: Executor, principal: OperatorPrincipal, boxId: string, input: ConfigInput, now: number): ConfiguredBox {
  return db.transaction((tx) => {
    const box = scopedBox(tx, principal, boxId);
    const configVersion = box.configVersion + 1;
    const config = configFields(input, configVersion) as Record<string, number>;
    tx.update(boxes).set({
      config, configVersion, scenario: config.scenario!, ...(config.rssiMin ? { rssiMin: -config.rssiMin } : {}),
    }).where(eq(boxes.id, box.id)).run();
    const command = queueCommand(tx, { boxId: box.id, kind: 'config', payload: config, actor: operatorActor(principal), now });
    appendAudit(tx, {
      at: now, actor: operatorActor(principal), action: 'box.configured', subjectType: 'box', subjectId: box.id,
      data: { merchantId: box.ownerId, configVersion, commandId: command.id, config },
    });
    return { boxId: box.id, configVersion, commandId: command.id, config };
  });
}
