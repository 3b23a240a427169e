// Verifies a box's HELLO (proof over the cloud's challenge, under the box's current keys) and issues the wallet's
// AUTH ticket, bound to this connection's boxNonce so it is worthless on any other connection or box.
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { concatBytes } from '../../../shared/bytes/concat.ts';
import { fromHex, toHex } from '../../../shared/bytes/hex.ts';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import { LABEL, MSG, RIGHT, SCENARIO, TAG_SIZE } from '../../../shared/protocol/constants.ts';
import { decodeMessage, encodeMessage } from '../../../shared/protocol/messages.ts';
import { checkTag, signTag } from '../../../shared/protocol/tags.ts';
import { appendAudit } from '../../audit/append.ts';
import type { Kek } from '../../crypto/kek.ts';
import { commitWrite } from '../../db/group-commit.ts';
import type { Executor } from '../../db/open.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { boxSessions, boxes, merchants, stores } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { openCommandCounts } from '../box-commands/index.ts';
import { loadBoxKeys } from '../box-keys/index.ts';
import { consumeChallenge } from './challenges.ts';

/** How long the box honours the ticket on this connection: a payment fits, an idle phone is cut off. */
export const TICKET_VALID_SECONDS = 120;

/** HELLO's firmwareVersion is major ‖ minor in one uint16. */
export function firmwareText(version: number): string {
  return `${version >> 8}.${version & 0xff}`;
}

export interface OpenSessionInput {
  wallet: { id: string; walletId: number };
  hello: Uint8Array;
  challenge: string;
  now: number;
  /** Another write committed with the session or with the spent challenge (the request's nonce). */
  alsoWrite?: (tx: Executor) => void;
  /** The challenge was derived from this request's signed nonce (request-challenge.ts): nothing to consume. */
  requestBound?: boolean;
  /** The box's INFO message as the wallet read it: public and not MACed, so only its battery level is kept, for display. */
  info?: Uint8Array;
}

export interface OpenedSession {
  sessionId: string;
  boxId: string;
  auth: Uint8Array;
  walletId: number;
  rights: number;
  validSeconds: number;
  keyVersion: number;
  counter: number;
}

/**
 * The session's transaction, and the one that spends the challenge again when the session's failed after the
 * challenge was used up (its savepoint rolled back): one attempt per challenge, with one commit on the good path.
 */
function sessionWrites(kek: Kek, input: OpenSessionInput) {
  let spent: string | undefined;
  return {
    open: (tx: Executor) => {
      input.alsoWrite?.(tx);
      return issueSession(tx, kek, input, (boxId) => {
        if (input.requestBound === true) return;
        consumeChallenge(tx, input.wallet.id, boxId, input.challenge, input.now);
        spent = boxId;
      });
    },
    spendAgain: (): ((tx: Executor) => void) | undefined => {
      const boxId = spent;
      return boxId === undefined ? undefined : (tx) => {
        input.alsoWrite?.(tx);
        consumeChallenge(tx, input.wallet.id, boxId, input.challenge, input.now);
      };
    },
  };
}

/**
 * The challenge is used up in the session's own transaction once the HELLO names a known box. When anything after
 * that fails (a bad proof, a blocked box), the transaction rolls back and the challenge is spent again on its own,
 * so a failed attempt still uses it up.
 */
export function openSession(db: Executor, kek: Kek, input: OpenSessionInput): OpenedSession {
  const writes = sessionWrites(kek, input);
  try {
    return db.transaction(writes.open);
  } catch (err) {
    const spend = writes.spendAgain();
    if (spend) db.transaction(spend);
    throw err;
  }
}

/** openSession through the group commit (db/group-commit.ts): resolves once the session is on disk. */
export async function commitSession(db: Executor, kek: Kek, input: OpenSessionInput): Promise<OpenedSession> {
  const writes = sessionWrites(kek, input);
  try {
    return await commitWrite(db, writes.open);
  } catch (err) {
    const spend = writes.spendAgain();
    if (spend) await commitWrite(db, spend);
    throw err;
  }
}

/** The battery level of an INFO message, when `info` is one. */
function batteryOf(info: Uint8Array | undefined): { batteryPercent: number } | Record<string, never> {
  const decoded = info === undefined ? undefined : decodeMessage(info);
  return decoded?.ok && decoded.type === MSG.INFO ? { batteryPercent: Math.min(decoded.fields.battery as number, 100) } : {};
}

const placedBox = preparedQuery((db) => db.select({ status: boxes.status, scenario: boxes.scenario, merchantStatus: merchants.status })
  .from(boxes).innerJoin(stores, eq(stores.id, boxes.storeId)).innerJoin(merchants, eq(merchants.id, stores.merchantId))
  .where(eq(boxes.id, sql.placeholder('boxId'))).prepare());

function issueSession(db: Executor, kek: Kek, { wallet, hello, challenge, now, info }: OpenSessionInput, consume: (boxId: string) => void): OpenedSession {
  const decoded = decodeMessage(hello);
  if (!decoded.ok || decoded.type !== MSG.HELLO) throw new CloudError('hello_invalid', 'hello is not a HELLO message');
  const f = decoded.fields;
  const boxId = toHex(f.boxId as Uint8Array);
  const keyVersion = f.keyVersion as number;
  const row = placedBox(db).get({ boxId });
  if (!row) throw new CloudError('box_not_found', 'the HELLO names a box that does not exist');
  consume(boxId);
  return db.transaction((tx) => {
    let keys;
    try {
      keys = loadBoxKeys(tx, kek, boxId, keyVersion);
    } catch (err) {
      if (err instanceof CloudError && err.code === 'box_key_not_found') throw new CloudError('hello_proof_invalid', 'the HELLO proof does not verify');
      throw err;
    }
    if (!checkTag(nodeCrypto, keys.macKey, LABEL.HELLO, fromHex(challenge), hello, 2)) {
      throw new CloudError('hello_proof_invalid', 'the HELLO proof does not verify');
    }
    if (row.status !== 'active') throw new CloudError('box_blocked', `the box is ${row.status}`);
    if (row.merchantStatus !== 'active') throw new CloudError('merchant_inactive', 'the merchant does not take payments');
    // MANAGE only while the cloud owes the box commands: the wallet can carry them, never make them.
    const manage = (openCommandCounts(tx, [boxId])[boxId] ?? 0) > 0 ? RIGHT.MANAGE : 0;
    const rights = (row.scenario === SCENARIO.MULTI_LOCKER ? RIGHT.PAY | RIGHT.UNLOCK : RIGHT.PAY) | manage;
    const boxNonce = f.boxNonce as Uint8Array;
    const auth = encodeMessage(MSG.AUTH, {
      walletId: wallet.walletId, rights, validSeconds: TICKET_VALID_SECONDS, ticket: new Uint8Array(TAG_SIZE),
    });
    signTag(nodeCrypto, keys.macKey, LABEL.TICKET, concatBytes([keys.boxId, boxNonce]), auth, 2);
    const sessionId = `ses_${randomBytes(12).toString('hex')}`;
    const counter = f.counter as number;
    tx.insert(boxSessions).values({
      id: sessionId, boxId, walletAppId: wallet.id, keyVersion, boxNonce: toHex(boxNonce), counter, flags: f.flags as number,
      firmwareVersion: f.firmwareVersion as number, boxClock: f.clock as number, rights, createdAt: now,
      ticketExpiresAt: now + TICKET_VALID_SECONDS * 1000,
    }).run();
    tx.update(boxes).set({ lastSeenAt: now, firmwareVersion: firmwareText(f.firmwareVersion as number), ...batteryOf(info) }).where(eq(boxes.id, boxId)).run();
    appendAudit(tx, {
      at: now, actor: `wallet:${wallet.id}`, action: 'session.opened', subjectType: 'box', subjectId: boxId,
      data: { sessionId, keyVersion, counter, rights },
    });
    return { sessionId, boxId, auth, walletId: wallet.walletId, rights, validSeconds: TICKET_VALID_SECONDS, keyVersion, counter };
  });
}
