import { Hono } from 'hono';
import { z } from 'zod';
import { toHex } from '../../../shared/bytes/hex.ts';
import type { Kek } from '../../crypto/kek.ts';
import type { Db } from '../../db/open.ts';
import type { WalletEnv } from '../../middleware/wallet-signature/index.ts';
import { issueChallenge, openSession } from '../../services/sessions/index.ts';
import { MSG, PROTOCOL_VERSION } from '../../../shared/protocol/constants.ts';
import { forWallet } from './errors.ts';
import { BOX_ID, parseBody } from './validate.ts';
import { bytesField } from './bytes.ts';

export interface SessionRoutesOptions {
  db: Db;
  kek: Kek;
  now: () => number;
}

const ChallengeBody = z.strictObject({ boxId: z.string().regex(BOX_ID, 'must be 16 hex digits') });
const SessionBody = z.strictObject({
  hello: bytesField(512),
  challenge: z.string().regex(/^[0-9a-fA-F]{32}$/, 'must be 32 hex digits'),
});

/** POST /v1/wallet/challenges issues the HELLO_REQUEST challenge for a box. */
export const challengeRoutes = ({ db, now }: SessionRoutesOptions) =>
  new Hono<WalletEnv>().post('/', (c) => {
    const { boxId } = parseBody(ChallengeBody, c.get('body'));
    const issued = forWallet(() => issueChallenge(db, c.get('wallet').id, boxId.toLowerCase(), now()));
    const helloRequest = `${toHex(new Uint8Array([PROTOCOL_VERSION, MSG.HELLO_REQUEST]))}${issued.challenge}`;
    return c.json({ challenge: issued.challenge, helloRequest, expiresAt: issued.expiresAt }, 201);
  });

/** POST /v1/wallet/sessions: the box's HELLO and the challenge it answered → the AUTH message for the box. */
export const sessionRoutes = ({ db, kek, now }: SessionRoutesOptions) =>
  new Hono<WalletEnv>().post('/', (c) => {
    const body = parseBody(SessionBody, c.get('body'));
    const session = forWallet(() => openSession(db, kek, {
      wallet: c.get('wallet'), hello: body.hello, challenge: body.challenge.toLowerCase(), now: now(),
    }));
    return c.json({
      sessionId: session.sessionId, boxId: session.boxId, auth: toHex(session.auth), walletId: session.walletId,
      rights: session.rights, validSeconds: session.validSeconds, keyVersion: session.keyVersion,
    }, 201);
  });
