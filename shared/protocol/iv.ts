// The one-time IV (box side). The box draws it from its hardware RNG, hands it out, and forgets it on the
// first telegram attempt, successful or not, so each IV allows one try and a captured telegram never replays.
import { ERR } from './errors.ts';
import type { Crypto } from '../crypto/types.ts';
import type { IvSlot } from './types.ts';

export function emptyIvSlot(): IvSlot {
  return { iv: undefined, expiresMs: 0 };
}

/** Draws a fresh IV into the slot, replacing (and so revoking) any outstanding one. */
export function issueIv(crypto: Crypto, slot: IvSlot, nowMs: number, ttlSeconds: number): Uint8Array {
  const iv = crypto.randomBytes(16);
  slot.iv = iv;
  slot.expiresMs = nowMs + ttlSeconds * 1000;
  return iv;
}

/** Empties the slot and returns its IV, or ERR.NO_IV / ERR.IV_EXPIRED. */
export function takeIv(slot: IvSlot, nowMs: number): Uint8Array | number {
  const iv = slot.iv;
  slot.iv = undefined;
  if (iv === undefined) return ERR.NO_IV;
  return nowMs < slot.expiresMs ? iv : ERR.IV_EXPIRED;
}
