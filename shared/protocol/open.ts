// Box side: checks and decrypts a TELEGRAM. The order is part of the protocol (docs/protocol.md, "Opening a
// telegram"): cheap public checks first, the IV consumed before anything secret is touched, the MAC checked
// before any decryption, so a forged telegram never reaches AES and each IV buys an attacker one try.
import { equalBytes } from '../crypto/constant-time.ts';
import { MSG, PROTOCOL_VERSION, SUITE_V1 } from './constants.ts';
import { ERR } from './errors.ts';
import { takeIv } from './iv.ts';
import { decodeFields } from './layout.ts';
import { MESSAGE_LAYOUTS } from './messages.ts';
import { KIND_LAYOUTS, telegramMac } from './telegram-layout.ts';
import type { Crypto } from '../crypto/types.ts';
import type { BoxKeys, IvSlot, OpenResult } from './types.ts';

function fail(code: number): OpenResult {
  return { ok: false, code: code };
}

/**
 * Opens `bytes` with the box's keys and the connection's IV slot (always emptied). `nowMs` is the box's
 * monotonic clock for the IV's lifetime; `unixNow` its wall clock in seconds, 0 while unset (expiry then
 * rests on the one-time IV alone).
 */
export function openTelegram(
  crypto: Crypto,
  keys: BoxKeys,
  slot: IvSlot,
  bytes: Uint8Array,
  nowMs: number,
  unixNow: number,
): OpenResult {
  const iv = takeIv(slot, nowMs);
  if (bytes.length < 2) return fail(ERR.BAD_LENGTH);
  if (bytes[0] !== PROTOCOL_VERSION) return fail(ERR.BAD_VERSION);
  if (bytes[1] !== MSG.TELEGRAM) return fail(ERR.UNKNOWN_TYPE);
  const header = decodeFields(MESSAGE_LAYOUTS[MSG.TELEGRAM]!, bytes, 2, bytes.length);
  if (typeof header === 'number' || header.blocks === 0) return fail(ERR.BAD_LENGTH);
  if (header.suite !== SUITE_V1) return fail(ERR.BAD_SUITE);
  if (!equalBytes(header.boxId as Uint8Array, keys.boxId)) return fail(ERR.WRONG_BOX);
  if (header.keyVersion !== keys.keyVersion) return fail(ERR.WRONG_KEY_VERSION);
  if (typeof iv === 'number') return fail(iv);
  if (!equalBytes(telegramMac(crypto, keys.macKey, iv, bytes), header.mac as Uint8Array)) return fail(ERR.BAD_MAC);
  const kind = header.kind as number;
  const layout = kind < KIND_LAYOUTS.length ? KIND_LAYOUTS[kind] : undefined;
  if (layout === undefined) return fail(ERR.UNKNOWN_KIND);
  const plaintext = crypto.aes256CbcDecrypt(keys.encKey, iv, header.ciphertext as Uint8Array);
  const fields = decodeFields(layout, plaintext, 0, plaintext.length);
  if (typeof fields === 'number') return fail(ERR.BAD_PLAINTEXT);
  const expiresAt = fields.expiresAt as number;
  if (unixNow !== 0 && expiresAt !== 0 && unixNow > expiresAt) return fail(ERR.EXPIRED);
  return { ok: true, kind: kind, fields: fields };
}
