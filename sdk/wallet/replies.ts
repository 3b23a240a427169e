// Box replies that are not the one expected become typed errors: BUSY is its own code, every other ERROR is a
// refusal carrying the box's ERR code.
import { ERR, MSG } from '../../shared/protocol/index.ts';
import { WalletError } from '../errors.ts';
import type { Reply } from '../link/box-link.ts';

export function expectReply(reply: Reply, type: number, step: string): Reply {
  if (reply.type === type) return reply;
  if (reply.type === MSG.ERROR) {
    const code = reply.fields.code as number;
    if (code === ERR.BUSY) throw new WalletError('box_busy', `the box is busy (${step})`, { boxCode: code });
    throw new WalletError('refused_by_box', `the box refused the ${step} (code 0x${code.toString(16)})`, { boxCode: code });
  }
  throw new WalletError('protocol_error', `the box answered the ${step} with message type 0x${reply.type.toString(16)}`);
}
