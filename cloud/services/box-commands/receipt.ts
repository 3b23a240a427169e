// The box's RECEIPT for a command's telegram: authentic, for this box and txnId, then applied to the command and
// to what the cloud knows of the box (the configuration version it runs, its transaction counter).
import { and, desc, eq, gte } from 'drizzle-orm';
import { toHex } from '../../../shared/bytes/hex.ts';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import { LABEL, MSG, STATUS } from '../../../shared/protocol/constants.ts';
import { ERR } from '../../../shared/protocol/errors.ts';
import { decodeMessage } from '../../../shared/protocol/messages.ts';
import { checkTag } from '../../../shared/protocol/tags.ts';
import type { Fields } from '../../../shared/protocol/types.ts';
import { appendAudit } from '../../audit/append.ts';
import type { Kek } from '../../crypto/kek.ts';
import type { Executor } from '../../db/open.ts';
import { boxCommands, boxKeys, boxSessions, boxes } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { loadBoxKeys } from '../box-keys/index.ts';
import type { CommandRow } from './queue.ts';

export interface CommandReceiptInput {
  wallet: { id: string };
  sessionId: string;
  commandId: string;
  receipt: Uint8Array;
  now: number;
}

export interface CommandOutcome {
  commandId: string;
  kind: CommandRow['kind'];
  state: CommandRow['state'];
  /** The box's status (DUPLICATE resolved to the original one), lower case. */
  status: string;
  detail: number;
}

const STATUS_NAMES: Record<number, string> = Object.fromEntries(Object.entries(STATUS).map(([name, code]) => [code, name.toLowerCase()]));

/**
 * The receipt goes out under the keys the box held when the telegram arrived: the session's version, or a newer
 * one when a KEY_ROTATION earlier on the same connection switched them.
 */
function authentic(db: Executor, kek: Kek, boxId: string, fromVersion: number, message: Uint8Array): boolean {
  const versions = db.select({ v: boxKeys.keyVersion }).from(boxKeys)
    .where(and(eq(boxKeys.boxId, boxId), gte(boxKeys.keyVersion, fromVersion))).orderBy(desc(boxKeys.keyVersion)).all();
  return versions.some(({ v }) => checkTag(nodeCrypto, loadBoxKeys(db, kek, boxId, v).macKey, LABEL.RECEIPT, new Uint8Array(0), message, 2));
}

function readReceipt(db: Executor, kek: Kek, session: { boxId: string; keyVersion: number }, row: CommandRow, message: Uint8Array): Fields {
  const decoded = decodeMessage(message);
  if (!decoded.ok || decoded.type !== MSG.RECEIPT) throw new CloudError('receipt_invalid', 'receipt is not a RECEIPT message');
  const f = decoded.fields;
  if (toHex(f.boxId as Uint8Array) !== session.boxId) throw new CloudError('receipt_box_mismatch', 'the receipt comes from another box');
  if (!authentic(db, kek, session.boxId, session.keyVersion, message)) throw new CloudError('receipt_mac_invalid', 'the receipt\'s MAC does not verify');
  if (toHex(f.txnId as Uint8Array) !== row.txnId) throw new CloudError('receipt_txn_mismatch', 'the receipt is for another transaction');
  return f;
}

/** Where the command goes: a box busy with a machine action refused without logging, so the same txnId is retried. */
function nextState(status: number, detail: number): CommandRow['state'] {
  if (status === STATUS.OK) return 'applied';
  return status === STATUS.REFUSED && detail === ERR.BUSY ? 'pending' : 'failed';
}

export function applyCommandReceipt(db: Executor, kek: Kek, input: CommandReceiptInput): CommandOutcome {
  return db.transaction((tx) => {
    const session = tx.select().from(boxSessions).where(and(eq(boxSessions.id, input.sessionId), eq(boxSessions.walletAppId, input.wallet.id))).get();
    if (!session) throw new CloudError('session_not_found', 'no session with this id for this wallet app');
    const row = tx.select().from(boxCommands).where(and(eq(boxCommands.id, input.commandId), eq(boxCommands.boxId, session.boxId))).get();
    if (!row) throw new CloudError('command_not_found', 'no command with this id for the session\'s box');
    if (row.txnId === null) throw new CloudError('command_not_sealed', 'the command was never sealed; there is no receipt for it');
    const f = readReceipt(tx, kek, session, row, input.receipt);
    let status = f.status as number;
    let detail = f.detail as number;
    if (status === STATUS.DUPLICATE) {
      status = detail;
      detail = 0;
    }
    if (STATUS_NAMES[status] === undefined || status === STATUS.DUPLICATE) throw new CloudError('receipt_invalid', 'unknown receipt status');
    const outcome = { commandId: row.id, kind: row.kind, status: STATUS_NAMES[status]!, detail };
    if (row.state === 'applied' || row.state === 'failed') return { ...outcome, state: row.state };
    const state = nextState(status, detail);
    tx.update(boxCommands).set({ state, updatedAt: input.now }).where(eq(boxCommands.id, row.id)).run();
    const box = tx.select({ counter: boxes.counter, applied: boxes.appliedConfigVersion }).from(boxes).where(eq(boxes.id, row.boxId)).get()!;
    const configVersion = row.kind === 'config' && state === 'applied' ? row.payload.configVersion as number : 0;
    tx.update(boxes).set({
      counter: Math.max(box.counter, f.counter as number), appliedConfigVersion: Math.max(box.applied, configVersion), lastSeenAt: input.now,
    }).where(eq(boxes.id, row.boxId)).run();
    appendAudit(tx, {
      at: input.now, actor: `wallet:${input.wallet.id}`, action: `box_command.${state === 'pending' ? 'retry' : state}`, subjectType: 'box',
      subjectId: row.boxId, data: { commandId: row.id, kind: row.kind, txnId: row.txnId, status: outcome.status, detail, counter: f.counter as number },
    });
    return { ...outcome, state };
  });
}
