// A queued command becomes a TELEGRAM only when a wallet's session hands over the box's one-time IV: it is sealed
// under the key version the box proved in that session's HELLO, so a box still on its old keys after a rotation
// can open it. The wallet only carries it; it never holds a key and cannot change what the box is told.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { fromHex, toHex } from '../../../shared/bytes/hex.ts';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import { KIND, RIGHT } from '../../../shared/protocol/constants.ts';
import { sealTelegram } from '../../../shared/protocol/seal.ts';
import type { Fields } from '../../../shared/protocol/types.ts';
import { appendAudit } from '../../audit/append.ts';
import type { Kek } from '../../crypto/kek.ts';
import type { Executor } from '../../db/open.ts';
import { boxCommands, boxSessions } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { loadBoxKeys } from '../box-keys/index.ts';
import { drawTxnId, txnIdBytes } from '../payments/txn-id.ts';
import { OPEN_COMMAND_STATES, type CommandRow } from './queue.ts';

/** As long as a payment telegram: the IV bounds it anyway. */
export const COMMAND_VALID_SECONDS = 120;

const KINDS: Record<CommandRow['kind'], number> = { config: KIND.CONFIG, key_rotation: KIND.KEY_ROTATION, clock: KIND.CLOCK };

export interface SealCommandInput {
  wallet: { id: string; walletId: number };
  sessionId: string;
  iv: Uint8Array;
  now: number;
}

export interface SealedCommand {
  commandId: string;
  kind: CommandRow['kind'];
  telegram: Uint8Array;
  /** 16 hex digits, as the box's RECEIPT carries it. */
  txnId: string;
  expiresAt: number;
}

export type SessionRow = typeof boxSessions.$inferSelect;

/** The wallet's own live session; another app's is as unknown as a missing one. */
export function liveSession(db: Executor, walletAppId: string, sessionId: string, now: number): SessionRow {
  const session = db.select().from(boxSessions).where(and(eq(boxSessions.id, sessionId), eq(boxSessions.walletAppId, walletAppId))).get();
  if (!session) throw new CloudError('session_not_found', 'no session with this id for this wallet app');
  if (session.ticketExpiresAt < now) throw new CloudError('session_expired', 'the session\'s ticket has expired; open a new one');
  return session;
}

function payloadFields(db: Executor, kek: Kek, row: CommandRow, issuedAt: number): Fields {
  const payload = row.payload;
  if (row.kind === 'clock') return { time: issuedAt };
  if (row.kind === 'config') return payload as Fields;
  const keys = loadBoxKeys(db, kek, row.boxId, payload.keyVersion as number);
  return { keyVersion: keys.keyVersion, encKey: keys.encKey, macKey: keys.macKey, posKey: keys.posKey };
}

/**
 * The oldest open command the box does not already run (a key rotation after the rest), sealed for this IV;
 * undefined when nothing is owed. A resealed command keeps its txnId, so a box that applied it already answers
 * DUPLICATE instead of applying it twice.
 */
export function sealNextCommand(db: Executor, kek: Kek, input: SealCommandInput): SealedCommand | undefined {
  return db.transaction((tx) => {
    const session = liveSession(tx, input.wallet.id, input.sessionId, input.now);
    const open = tx.select().from(boxCommands)
      .where(and(eq(boxCommands.boxId, session.boxId), inArray(boxCommands.state, OPEN_COMMAND_STATES)))
      .orderBy(asc(boxCommands.createdAt), asc(boxCommands.id)).all();
    // The HELLO already proved the box uses these keys: the rotation reached it on an earlier connection.
    const reached = (c: CommandRow) => c.kind === 'key_rotation' && (c.payload.keyVersion as number) <= session.keyVersion;
    for (const c of open) if (reached(c)) tx.update(boxCommands).set({ state: 'applied', updatedAt: input.now }).where(eq(boxCommands.id, c.id)).run();
    // A KEY_ROTATION goes last: the box switches keys at once, and anything sealed after it on this connection
    // under the session's (old) version would be refused.
    const owed = open.filter((c) => !reached(c));
    const row = owed.find((c) => c.kind !== 'key_rotation') ?? owed[0];
    if (!row) return undefined;
    if ((session.rights & RIGHT.MANAGE) === 0) {
      throw new CloudError('session_not_permitted', 'this session\'s ticket does not allow commands; open a new session');
    }
    const issuedAt = Math.floor(input.now / 1000);
    const expiresAt = issuedAt + COMMAND_VALID_SECONDS;
    const txnId = row.txnId ?? toHex(txnIdBytes(drawTxnId()));
    const keys = loadBoxKeys(tx, kek, session.boxId, session.keyVersion);
    const telegram = sealTelegram(nodeCrypto, keys, input.iv, KINDS[row.kind], {
      ...payloadFields(tx, kek, row, issuedAt), txnId: fromHex(txnId), issuedAt, expiresAt,
    });
    tx.update(boxCommands).set({ state: 'delivered', txnId, updatedAt: input.now }).where(eq(boxCommands.id, row.id)).run();
    appendAudit(tx, {
      at: input.now, actor: `wallet:${input.wallet.id}`, action: 'box_command.sealed', subjectType: 'box', subjectId: row.boxId,
      data: { commandId: row.id, kind: row.kind, txnId, sessionId: session.id, keyVersion: session.keyVersion },
    });
    return { commandId: row.id, kind: row.kind, telegram, txnId, expiresAt };
  });
}
