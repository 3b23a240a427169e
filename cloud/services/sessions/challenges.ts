import { randomBytes } from 'node:crypto';
import { and, eq, gte, isNull, lt } from 'drizzle-orm';
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
    if (!tx.select({ id: boxes.id }).from(boxes).where(eq(boxes.id, boxId)).get()) throw new CloudError('box_not_found', 'no box with this id');
    tx.delete(walletChallenges).where(lt(walletChallenges.expiresAt, now)).run();
    const challenge = randomBytes(16).toString('hex');
    const expiresAt = now + CHALLENGE_TTL_MS;
    tx.insert(walletChallenges).values({ challenge, walletAppId, boxId, expiresAt }).run();
    return { challenge, expiresAt };
  });
}

/**
 * Marks the challenge used; throws `challenge_invalid` when it is unknown, used, expired, or was issued to
 * another app or for another box. Consumed before the proof is checked, so each challenge allows one attempt.
 */
export function consumeChallenge(db: Executor, walletAppId: string, boxId: string, challenge: string, now: number): void {
  const result = db.update(walletChallenges).set({ usedAt: now }).where(and(
    eq(walletChallenges.challenge, challenge), eq(walletChallenges.walletAppId, walletAppId), eq(walletChallenges.boxId, boxId),
    isNull(walletChallenges.usedAt), gte(walletChallenges.expiresAt, now),
  )).run();
  if (result.changes !== 1) throw new CloudError('challenge_invalid', 'the challenge is unknown, used, expired or for another box');
}
