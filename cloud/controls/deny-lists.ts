import type { ControlCode } from './types.ts';

/** Why a box is on the negative list (seed 003's "negative reader list"). */
export type BoxDenyReason = 'lost' | 'stolen' | 'blocked';

export interface DenyLists {
  boxes: ReadonlyMap<string, BoxDenyReason>;
  wallets: ReadonlySet<string>;
}

/** The box is checked before the wallet, so a stolen box reports itself whoever pays at it. */
export function denyListCode(lists: DenyLists, boxId: string, walletId: string): ControlCode | undefined {
  const reason = lists.boxes.get(boxId);
  if (reason !== undefined) return `box_${reason}`;
  return lists.wallets.has(walletId) ? 'wallet_blocked' : undefined;
}
