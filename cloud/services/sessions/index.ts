export { CHALLENGE_TTL_MS, consumeChallenge, issueChallenge } from './challenges.ts';
export type { IssuedChallenge } from './challenges.ts';
export { TICKET_VALID_SECONDS, commitSession, openSession } from './open-session.ts';
export type { OpenSessionInput, OpenedSession } from './open-session.ts';
export { requestBoundChallenge } from './request-challenge.ts';
