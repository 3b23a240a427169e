// The 16-byte HMAC-SHA256 tags that end HELLO (proof), AUTH (ticket), LOG_READ (proof), RECEIPT (mac) and log
// records (mac). Input: ASCII label ‖ context ‖ the covered bytes, which run from `start` (2 for a message,
// skipping version and type; 0 for a log record) up to the tag itself, the last 16 bytes.
//   HELLO     macKey  "WG1/hello"   context = HELLO_REQUEST challenge
//   AUTH      macKey  "WG1/ticket"  context = boxId ‖ boxNonce (this connection's HELLO)
//   LOG_READ  posKey  "WG1/pos"     context = boxId ‖ LOG_CHALLENGE nonce
//   RECEIPT   macKey  "WG1/receipt" context = empty
//   record    macKey  "WG1/log"     context = boxId
import { concatBytes } from '../bytes/concat.ts';
import { copyBytes } from '../bytes/copy.ts';
import { utf8Encode } from '../bytes/utf8.ts';
import { equalBytes } from '../crypto/constant-time.ts';
import { TAG_SIZE } from './constants.ts';
import type { Crypto } from '../crypto/types.ts';

export function computeTag(
  crypto: Crypto,
  key: Uint8Array,
  label: string,
  context: Uint8Array,
  bytes: Uint8Array,
  start: number,
): Uint8Array {
  const input = concatBytes([utf8Encode(label), context, bytes.subarray(start, bytes.length - TAG_SIZE)]);
  return copyBytes(crypto.hmacSha256(key, input), 0, TAG_SIZE);
}

/** Writes the tag into the last 16 bytes of `bytes` (encode the message with a zero tag first). */
export function signTag(
  crypto: Crypto,
  key: Uint8Array,
  label: string,
  context: Uint8Array,
  bytes: Uint8Array,
  start: number,
): Uint8Array {
  bytes.set(computeTag(crypto, key, label, context, bytes, start), bytes.length - TAG_SIZE);
  return bytes;
}

/** Constant-time check of the tag in the last 16 bytes of `bytes`. */
export function checkTag(
  crypto: Crypto,
  key: Uint8Array,
  label: string,
  context: Uint8Array,
  bytes: Uint8Array,
  start: number,
): boolean {
  if (bytes.length < start + TAG_SIZE) return false;
  return equalBytes(computeTag(crypto, key, label, context, bytes, start), bytes.subarray(bytes.length - TAG_SIZE));
}
