// Commands the cloud owes a box (configuration, clock, key rotation) ride on any wallet connected to it: the
// session's rights carry MANAGE while some are open, and the wallet relays each sealed telegram and its RECEIPT.
// The wallet never holds a key and cannot alter a command; it is only the courier.
import { RIGHT } from '../../shared/protocol/index.ts';
import type { VerifiedPeripheral } from './authenticity.ts';
import type { WalletContext } from './context.ts';
import { doGetPeripheralIvKey, doMobilePaymentVerificationWithDataWithMachineControl } from './payment-steps.ts';

/** At most this many per connection, so a box with a long queue never holds a customer's phone for long. */
const MAX_COMMANDS = 4;

/** Relays what the cloud owes the box on this connection; returns how many commands the box answered. */
export async function relayBoxCommands(ctx: WalletContext, verified: VerifiedPeripheral): Promise<number> {
  if ((verified.session.rights & RIGHT.MANAGE) === 0) return 0;
  let relayed = 0;
  while (relayed < MAX_COMMANDS) {
    const iv = await doGetPeripheralIvKey(ctx, verified);
    const command = await ctx.cloud.nextCommand(verified.session.sessionId, iv.message);
    if (command === null) break;
    const receipt = await doMobilePaymentVerificationWithDataWithMachineControl(ctx, verified, command.telegram);
    const answered = await ctx.cloud.commandReceipt(verified.session.sessionId, command.id, receipt.message);
    ctx.logger.debug('command_relayed', { boxId: verified.boxId, commandId: command.id, kind: command.kind, state: answered.state });
    relayed++;
  }
  return relayed;
}
