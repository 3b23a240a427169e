// Provisioning and key rotation. A box's keys leave the cloud only twice: once in the provisioning bundle the
// flashing tool writes in install mode, and inside a KEY_ROTATION telegram sealed under the box's current keys.
// Neither the bundle nor the secret is stored, logged or audited; the audit log records the key version only.
import { eq } from 'drizzle-orm';
import { KEY_FILE_NAME, encodeKeyFile } from '../../../shared/protocol/key-file.ts';
import type { BoxKeys } from '../../../shared/protocol/types.ts';
import { CONFIG_FILE } from '../../../firmware/src/core/machine/config.ts';
import { appendAudit } from '../../audit/append.ts';
import { boxKeys, boxes } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { operatorActor, type OperatorPrincipal } from '../authority/permissions.ts';
import { queueCommand, supersedeCommands } from '../box-commands/index.ts';
import { createBoxKey, rotateBoxKey } from '../box-keys/index.ts';
import { configFile } from './config-fields.ts';
import { refreshAdvertised, type BoxAdminDeps } from './deps.ts';
import { scopedBox } from './scope.ts';

export interface ProvisionInput {
  /** The tool's master secret (32 bytes); the cloud draws one when absent. */
  masterSecret?: Uint8Array;
  /** A box that already has keys gets a new key version only when this is set. */
  rotate?: boolean;
}

export interface ProvisioningBundle {
  boxId: string;
  board: string;
  keyVersion: number;
  /** Storage file name → content, base64. */
  files: Record<string, string>;
}

function wipe(keys: BoxKeys): void {
  keys.encKey.fill(0);
  keys.macKey.fill(0);
  keys.posKey.fill(0);
}

/**
 * Registers the box's master secret as its next key version and answers, this once, the Storage files the tool
 * writes: the key file and, for a configured box, its configuration (so it boots ready to take payments).
 */
export function provisionBox(deps: BoxAdminDeps, principal: OperatorPrincipal, boxId: string, input: ProvisionInput, now: number): ProvisioningBundle {
  const bundle = deps.db.transaction((tx) => {
    const box = scopedBox(tx, principal, boxId);
    if (box.status === 'retired') throw new CloudError('box_retired', 'a retired box cannot be provisioned');
    if (box.board === null) throw new CloudError('box_board_unknown', 'the box has no board; import its shipment first');
    const provisioned = tx.select({ v: boxKeys.keyVersion }).from(boxKeys).where(eq(boxKeys.boxId, box.id)).limit(1).get() !== undefined;
    if (provisioned && input.rotate !== true) throw new CloudError('box_already_provisioned', 'the box already has keys; set rotate to replace them');
    const options = { kek: deps.kek, actor: operatorActor(principal), now: () => now, ...(input.masterSecret ? { master: input.masterSecret } : {}) };
    const { keyVersion, keys } = provisioned ? rotateBoxKey(tx, box.id, options) : createBoxKey(tx, box.id, options);
    const files: Record<string, string> = { [KEY_FILE_NAME]: Buffer.from(encodeKeyFile(keys)).toString('base64') };
    wipe(keys);
    // The box gets its keys and configuration directly: telegrams still queued for them would only repeat them.
    supersedeCommands(tx, box.id, 'key_rotation', now);
    if (box.config !== null && box.configVersion > 0) {
      files[CONFIG_FILE] = Buffer.from(configFile(box.config)).toString('base64');
      supersedeCommands(tx, box.id, 'config', now);
      tx.update(boxes).set({ appliedConfigVersion: box.configVersion }).where(eq(boxes.id, box.id)).run();
    }
    appendAudit(tx, {
      at: now, actor: operatorActor(principal), action: 'box.provisioned', subjectType: 'box', subjectId: box.id,
      data: { merchantId: box.ownerId, keyVersion, rotated: provisioned, secretFrom: input.masterSecret ? 'tool' : 'cloud', files: Object.keys(files) },
    });
    return { boxId: box.id, board: box.board, keyVersion, files };
  });
  refreshAdvertised(deps, bundle.boxId);
  return bundle;
}

export interface QueuedRotation {
  boxId: string;
  keyVersion: number;
  commandId: string;
}

/**
 * A new key version for a box in the field, carried to it by the next wallet session as a KEY_ROTATION telegram.
 * The command row names the version only; the keys are derived again from the sealed secret when sealing.
 */
export function rotateKeys(deps: BoxAdminDeps, principal: OperatorPrincipal, boxId: string, now: number): QueuedRotation {
  const queued = deps.db.transaction((tx) => {
    const box = scopedBox(tx, principal, boxId);
    if (box.status === 'retired') throw new CloudError('box_retired', 'a retired box keeps its last keys');
    const { keyVersion, keys } = rotateBoxKey(tx, box.id, { kek: deps.kek, actor: operatorActor(principal), now: () => now });
    wipe(keys);
    const command = queueCommand(tx, { boxId: box.id, kind: 'key_rotation', payload: { keyVersion }, actor: operatorActor(principal), now });
    appendAudit(tx, {
      at: now, actor: operatorActor(principal), action: 'box.key_rotation_queued', subjectType: 'box', subjectId: box.id,
      data: { merchantId: box.ownerId, keyVersion, commandId: command.id },
    });
    return { boxId: box.id, keyVersion, commandId: command.id };
  });
  refreshAdvertised(deps, queued.boxId);
  return queued;
}
