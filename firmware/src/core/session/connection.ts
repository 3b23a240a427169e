// Per-connection state shared by the session's handlers, and the replies built from it.
import { FLAG, MSG } from '../../../../shared/protocol/constants.ts';
import { encodeMessage } from '../../../../shared/protocol/messages.ts';
import type { BoxKeys, IvSlot } from '../../../../shared/protocol/types.ts';
import type { SessionOptions } from './types.ts';

export interface Connection {
  o: SessionOptions;
  keys: BoxKeys | undefined;
  slot: IvSlot;
  /** AUTH holds while nowMs() < authUntil (0: none). */
  authUntil: number;
  rights: number;
  /** The wallet app the ticket was issued to; a payment telegram must name the same one. */
  walletId: number;
  /** A telegram's machine action has not answered yet. */
  busy: boolean;
  closed: boolean;
  reply(message: Uint8Array): void;
}

export function errorMessage(code: number, detail: number): Uint8Array {
  return encodeMessage(MSG.ERROR, { code: code, detail: detail });
}

/** The state's flags plus the two only the session knows: clock unset, IV outstanding on this link. */
export function boxFlags(c: Connection): number {
  const slot = c.slot;
  let flags = c.o.state.flags & ~(FLAG.CLOCK_UNSET | FLAG.IV_OUTSTANDING);
  if (c.o.unixNow() === 0) flags |= FLAG.CLOCK_UNSET;
  if (slot.iv !== undefined && c.o.nowMs() < slot.expiresMs) flags |= FLAG.IV_OUTSTANDING;
  return flags & 0xffff;
}

export function infoMessage(c: Connection): Uint8Array {
  const s = c.o.state;
  return encodeMessage(MSG.INFO, {
    boardId: s.boardId,
    firmwareVersion: s.firmwareVersion,
    configVersion: s.configVersion,
    battery: s.battery,
    logCount: s.logCount,
    logCapacity: s.logCapacity,
    clock: c.o.unixNow(),
    flags: boxFlags(c),
  });
}
