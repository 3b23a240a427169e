// doVerifyPeripheralAuthenticity: the box proves its key (HELLO over a challenge the cloud can check), the cloud
// checks the proof and issues this wallet app's AUTH ticket, the box checks the ticket. Both directions are
// verified without the wallet ever holding a box key.
import { fromHex, toHex } from '../../shared/bytes/hex.ts';
import { MSG, encodeMessage } from '../../shared/protocol/index.ts';
import type { Fields } from '../../shared/protocol/index.ts';
import { requestBoundChallenge } from '../cloud/challenge.ts';
import type { CloudSession } from '../cloud/types.ts';
import { BoxLink } from '../link/box-link.ts';
import type { WalletContext } from './context.ts';
import type { Peripheral } from './peripheral.ts';
import { expectReply } from './replies.ts';

/** An authenticated connection: the box accepted this wallet app's ticket. */
export interface VerifiedPeripheral {
  peripheral: Peripheral;
  boxId: string;
  link: BoxLink;
  session: CloudSession;
  /** The box's INFO after AUTH (board, firmware, configuration version, battery, flags). */
  info: Fields;
  /** An IV_REQUEST was written with the AUTH and its reply is still to be read. */
  ivPending: boolean;
}

export interface VerifyOptions {
  /** Write IV_REQUEST right behind AUTH, so the IV costs no round trip of its own (pay() does). */
  prefetchIv?: boolean;
  /** Ask the cloud for the challenge first (needs the box id) instead of deriving it from the session request. */
  issuedChallenge?: boolean;
}

export async function doVerifyPeripheralAuthenticity(ctx: WalletContext, peripheral: Peripheral, options: VerifyOptions = {}): Promise<VerifiedPeripheral> {
  const connection = await ctx.transport.connect(peripheral.id, { timeoutMs: ctx.timeouts.connectMs });
  const link = new BoxLink(connection, ctx.clock);
  try {
    let challenge: Uint8Array;
    let issued: string | undefined;
    const signing = ctx.cloud.reserveSigning();
    if (options.issuedChallenge === true && peripheral.boxId !== undefined) {
      issued = (await ctx.cloud.challenge(peripheral.boxId)).challenge;
      challenge = fromHex(issued);
    } else {
      challenge = requestBoundChallenge(ctx.keyId, signing);
    }
    const hello = expectReply(await link.request(encodeMessage(MSG.HELLO_REQUEST, { challenge }), ctx.timeouts.replyMs), MSG.HELLO, 'hello request');
    const session = await ctx.cloud.session(toHex(hello.bytes), issued, issued === undefined ? signing : undefined);
    await link.send(fromHex(session.auth));
    if (options.prefetchIv === true) await link.send(encodeMessage(MSG.IV_REQUEST, {}));
    const info = expectReply(await link.next(ctx.timeouts.replyMs), MSG.INFO, 'AUTH ticket');
    ctx.logger.debug('authenticated', { boxId: session.boxId, sessionId: session.sessionId, rights: session.rights });
    return { peripheral: { ...peripheral, boxId: session.boxId }, boxId: session.boxId, link, session, info: info.fields, ivPending: options.prefetchIv === true };
  } catch (error) {
    await link.close();
    throw error;
  }
}
