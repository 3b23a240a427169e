import { randomBytes } from 'node:crypto';
import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { bound, preparedQuery } from '../../db/prepared.ts';
import type { Executor } from '../../db/open.ts';
import { boxes, walletChallenges } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';

/** Long enough to connect and read HELLO, short enough that a leaked challenge is soon worthless. */
export const CHALLENGE_TTL_MS = 60_000;

export interface IssuedChallenge {
  challenge: string;
  expiresAt: number;
}

export function issueChallenge(db: Executor, walletAppId: string, boxId: string, now: number): IssuedChallenge {
  return db.transaction((tx) => {
    if (!boxExists(tx).get({ boxId })) throw new CloudError('box_not_found', 'no box with this id');
    dropExpiredChallenges(tx).run({ now });
    const challenge = randomBytes(16).toString('hex');
    const expiresAt = now + CHALLENGE_TTL_MS;
    insertChallenge(tx).run({ challenge, walletAppId, boxId, expiresAt });
    return { challenge, expiresAt };
  });
}

/**
 * Marks the challenge used; throws `challenge_invalid` when it is unknown, used, expired, or was issued to
 * another app or for another box. Consumed before the proof is checked, so each challenge allows one attempt.
 */
export function consumeChallenge(db: Executor, walletAppId: string, boxId: string, challenge: string, now: number): void {
  const result = useChallenge(db).run({ challenge, walletAppId, boxId, now });
  if (result.changes !== 1) throw new CloudError('challenge_invalid', 'the challenge is unknown, used, expired or for another box');
}

const boxExists = preparedQuery((db) => db.select({ id: boxes.id }).from(boxes).where(eq(boxes.id, sql.placeholder('boxId'))).prepare());

const dropExpiredChallenges = preparedQuery((db) => db.delete(walletChallenges).where(lt(walletChallenges.expiresAt, sql.placeholder('now'))).prepare());

const insertChallenge = preparedQuery((db) => db.insert(walletChallenges).values({
  challenge: sql.placeholder('challenge'), walletAppId: sql.placeholder('walletAppId'), boxId: sql.placeholder('boxId'), expiresAt: sql.placeholder('expiresAt'),
}).prepare());

const useChallenge = preparedQuery((db) => db.update(walletChallenges).set({ usedAt: bound('now') }).where(and(
  eq(walletChallenges.challenge, sql.placeholder('challenge')), eq(walletChallenges.walletAppId, sql.placeholder('walletAppId')),
  eq(walletChallenges.boxId, sql.placeholder('boxId')), isNull(walletChallenges.usedAt), gte(walletChallenges.expiresAt, sql.placeholder('now')),
)).prepare());
