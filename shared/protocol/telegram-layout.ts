// Telegram plaintexts and the telegram MAC, shared by the box (open.ts) and the cloud (seal.ts).
// Every plaintext starts with the same 16-byte block — txnId, issuedAt, expiresAt — so every telegram is
// unique, loggable and expirable by one rule, and is a whole number of AES blocks (CBC without padding).
import { concatBytes } from '../bytes/concat.ts';
import { copyBytes } from '../bytes/copy.ts';
import { utf8Encode } from '../bytes/utf8.ts';
import { LABEL, TAG_SIZE } from './constants.ts';
import type { Crypto } from '../crypto/types.ts';

export const TELEGRAM_HEADER_SIZE = 14;

const COMMON = 'txnId*8 issuedAt:4 expiresAt:4 ';

/** Plaintext layout per telegram kind (index = kind). */
export const KIND_LAYOUTS: readonly (string | undefined)[] = [
  undefined,
  // 0x01 payment (48 bytes)
  COMMON + 'walletId:4 amount:4 currency:2 scenario:1 outputIndex:1 units:2 sku:4 reserved*14',
  // 0x02 config (64 bytes)
  COMMON + 'configVersion:4 scenario:1 outputMask:1 activeLevels:1 inputRoles:1 pulseMs:2 gapMs:2 ' +
    'pulsesPerUnit:1 rssiMin:1 unitSeconds:4 unitPrice:4 currency:2 maxAmount:4 uartBaud:4 uartFraming:1 ' +
    'options:1 reserved*14',
  // 0x03 clock (32 bytes)
  COMMON + 'time:4 reserved*12',
  // 0x04 refund/refill acknowledgement (32 bytes)
  COMMON + 'originalTxnId*8 amount:4 currency:2 ackKind:1 reserved*1',
  // 0x05 key rotation (128 bytes)
  COMMON + 'keyVersion:1 reserved*15 encKey*32 macKey*32 posKey*32',
  // 0x06 unlock (32 bytes)
  COMMON + 'paymentTxnId*8 outputIndex:1 reserved*7',
  // 0x07 cancel (32 bytes)
  COMMON + 'cancelTxnId*8 reserved*8',
];

/** HMAC(macKey, "WG1/telegram" ‖ header ‖ iv ‖ ciphertext)[0..16]; the IV is bound here, never sent. */
export function telegramMac(crypto: Crypto, macKey: Uint8Array, iv: Uint8Array, telegram: Uint8Array): Uint8Array {
  const input = concatBytes([
    utf8Encode(LABEL.TELEGRAM),
    telegram.subarray(0, TELEGRAM_HEADER_SIZE),
    iv,
    telegram.subarray(TELEGRAM_HEADER_SIZE, telegram.length - TAG_SIZE),
  ]);
  return copyBytes(crypto.hmacSha256(macKey, input), 0, TAG_SIZE);
}
