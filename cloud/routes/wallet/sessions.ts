import { Hono } from 'hono';
import { z } from 'zod';
import { toHex } from '../../../shared/bytes/hex.ts';
import type { Kek } from '../../crypto/kek.ts';
import type { Db } from '../../db/open.ts';
import type { WalletEnv } from '../../middleware/wallet-signature/index.ts';
import { issueChallenge, openSession, requestBoundChallenge } from '../../services/sessions/index.ts';
import { MSG, PROTOCOL_VERSION } from '../../../shared/protocol/constants.ts';
import { forWallet } from './errors.ts';
import { BOX_ID, parseBody } from './validate.ts';
import { bytesField } from './bytes.ts';
import type { OperationDescription } from '../../openapi/types.ts';
import { CHALLENGE, SESSION } from './responses.ts';
import { sessionCommandRoutes } from './session-commands.ts';

export interface SessionRoutesOptions {
  db: Db;
  kek: Kek;
  now: () => number;
}

export const ChallengeBody = z.strictObject({ boxId: z.string().regex(BOX_ID, 'must be 16 hex digits') });
export const SessionBody = z.strictObject({
  hello: bytesField(512),
  info: bytesField(64).optional().describe('the box\'s INFO message, if the wallet read it: its battery level is shown to operators (informative only, INFO is not MACed)'),
  challenge: z.string().regex(/^[0-9a-fA-F]{32}$/, 'must be 32 hex digits').optional()
    .describe('from POST /challenges; absent: the HELLO answered the request-bound challenge of this request\'s key id, timestamp and nonce'),
});

/** POST /v1/wallet/challenges issues the HELLO_REQUEST challenge for a box. */
export const challengeRoutes = ({ db, now }: SessionRoutesOptions) =>
  new Hono<WalletEnv>().post('/', (c) => {
    const { boxId } = parseBody(ChallengeBody, c.get('body'));
    const nonce = c.get('nonce');
    const issued = forWallet(() => db.transaction((tx) => {
      nonce.record(tx);
      return issueChallenge(tx, c.get('wallet').id, boxId.toLowerCase(), now());
    }));
    const helloRequest = `${toHex(new Uint8Array([PROTOCOL_VERSION, MSG.HELLO_REQUEST]))}${issued.challenge}`;
    return c.json({ challenge: issued.challenge, helloRequest, expiresAt: issued.expiresAt }, 201);
  });

/** POST /v1/wallet/sessions: the box's HELLO and the challenge it answered → the AUTH message for the box. */
export const sessionRoutes = ({ db, kek, now }: SessionRoutesOptions) =>
  new Hono<WalletEnv>().post('/', (c) => {
    const body = parseBody(SessionBody, c.get('body'));
    const wallet = c.get('wallet');
    const challenge = body.challenge?.toLowerCase()
      ?? requestBoundChallenge(wallet.id, c.req.header('waygo-timestamp') ?? '', c.req.header('waygo-nonce') ?? '');
    const session = forWallet(() => openSession(db, kek, {
      wallet, hello: body.hello, challenge, now: now(), alsoWrite: c.get('nonce').record, requestBound: body.challenge === undefined,
      ...(body.info ? { info: body.info } : {}),
    }));
    return c.json({
      sessionId: session.sessionId, boxId: session.boxId, auth: toHex(session.auth), walletId: session.walletId,
      rights: session.rights, validSeconds: session.validSeconds, keyVersion: session.keyVersion,
    }, 201);
  }).route('/', sessionCommandRoutes({ db, kek, now }));

export const operations: OperationDescription[] = [{
  method: 'post', path: '/v1/wallet/challenges', operationId: 'createChallenge', tag: 'wallet', security: 'wallet',
  summary: 'Issue the HELLO_REQUEST challenge for a box (this app, this box, 60 s, used once)',
  body: { name: 'ChallengeRequest', schema: ChallengeBody },
  responses: { 201: { description: 'write `helloRequest` to the box', body: CHALLENGE } },
  errors: [{ status: 404, code: 'box_not_found', description: 'no box with this id' }],
}, {
  method: 'post', path: '/v1/wallet/sessions', operationId: 'openSession', tag: 'wallet', security: 'wallet',
  summary: 'The box\'s HELLO and the challenge it answered → the AUTH ticket for this connection',
  body: { name: 'SessionRequest', schema: SessionBody },
  responses: { 201: { description: 'write `auth` to the box', body: SESSION } },
  errors: [
    { status: 400, code: 'hello_invalid', description: 'not a HELLO message' },
    { status: 400, code: 'challenge_invalid', description: 'unknown, used, expired, another app\'s or another box\'s' },
    { status: 422, code: 'hello_proof_invalid', description: 'the box\'s proof does not verify' },
    { status: 403, code: 'box_blocked', description: 'the box is lost, stolen or retired' },
    { status: 403, code: 'merchant_inactive', description: 'the box\'s merchant is not active' },
    { status: 404, code: 'box_not_found', description: 'no box with this id' },
  ],
}];
