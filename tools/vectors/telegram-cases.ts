// Telegram vectors: one sealed telegram per kind, and the ways a telegram must be refused.
import { nodeCrypto } from '../../shared/crypto/node.ts';
import { concatBytes, toHex } from '../../shared/bytes/index.ts';
import {
  ACK_KIND, ERR, KIND, KIND_LAYOUTS, MSG, SCENARIO, TAG_SIZE, encodeFields, encodeMessage, sealTelegram, telegramMac,
} from '../../shared/protocol/index.ts';
import type { BoxKeys, Fields } from '../../shared/protocol/index.ts';
import { fieldsToJson, keys, nextKeys, otherBoxKeys, seeded } from './seeded.ts';
import type { JsonFields } from './seeded.ts';

const ISSUED = 1767225600;
const common = (n: number): Fields => ({ txnId: seeded('telegram/txn' + n, 8), issuedAt: ISSUED, expiresAt: ISSUED + 300 });

const KINDS: [string, number, Fields][] = [
  ['payment', KIND.PAYMENT, Object.assign(common(1), {
    walletId: 42, amount: 200, currency: 392, scenario: SCENARIO.PAY_BY_COUNT, outputIndex: 0, units: 2, sku: 0,
  })],
  ['config', KIND.CONFIG, Object.assign(common(2), {
    configVersion: 3, scenario: SCENARIO.PAY_BY_COUNT, outputMask: 0x01, activeLevels: 0x01, inputRoles: 0x21,
    pulseMs: 50, gapMs: 100, pulsesPerUnit: 1, rssiMin: 80, unitSeconds: 0, unitPrice: 100, currency: 392,
    maxAmount: 5000, uartBaud: 9600, uartFraming: 0x08, options: 0,
  })],
  ['clock', KIND.CLOCK, Object.assign(common(3), { time: ISSUED + 1 })],
  ['refund ack', KIND.REFUND_ACK, Object.assign(common(4), {
    originalTxnId: seeded('telegram/txn1', 8), amount: 200, currency: 392, ackKind: ACK_KIND.REFUND,
  })],
  ['key rotation', KIND.KEY_ROTATION, Object.assign(common(5), {
    keyVersion: nextKeys.keyVersion, encKey: nextKeys.encKey, macKey: nextKeys.macKey, posKey: nextKeys.posKey,
  })],
  ['unlock', KIND.UNLOCK, Object.assign(common(6), { paymentTxnId: seeded('telegram/txn1', 8), outputIndex: 2 })],
  ['cancel', KIND.CANCEL, Object.assign(common(7), { cancelTxnId: seeded('telegram/txn1', 8) })],
];

/** Opening context shared by all telegram vectors: the IV is good until IV_EXPIRES_MS on the box clock. */
export const IV_EXPIRES_MS = 30000;
export const OPEN_MS = 1000;
export const OPEN_UNIX = ISSUED + 10;

export interface TelegramVector { name: string; kind: number; iv: string; fields: JsonFields; hex: string }

export function telegramVectors(): TelegramVector[] {
  return KINDS.map(([name, kind, fields], i) => {
    const iv = seeded('telegram/iv' + i, 16);
    return { name, kind, iv: toHex(iv), fields: fieldsToJson(fields), hex: toHex(sealTelegram(nodeCrypto, keys, iv, kind, fields)) };
  });
}

export interface Attempt { hex: string; nowMs: number; unixNow: number; expect: string }
export interface NegativeVector { name: string; iv: string | null; attempts: Attempt[] }

/** A telegram with a valid MAC around any plaintext, to reach the checks after the MAC. */
function macedTelegram(k: BoxKeys, iv: Uint8Array, kind: number, plaintext: Uint8Array): Uint8Array {
  const ciphertext = nodeCrypto.aes256CbcEncrypt(k.encKey, iv, plaintext);
  const bytes = encodeMessage(MSG.TELEGRAM, {
    suite: 1, kind, boxId: k.boxId, keyVersion: k.keyVersion, blocks: ciphertext.length / 16, ciphertext, mac: new Uint8Array(TAG_SIZE),
  });
  bytes.set(telegramMac(nodeCrypto, k.macKey, iv, bytes), bytes.length - TAG_SIZE);
  return bytes;
}

function once(name: string, iv: Uint8Array | null, bytes: Uint8Array, expect: string, nowMs?: number, unixNow?: number): NegativeVector {
  return { name, iv: iv && toHex(iv), attempts: [{ hex: toHex(bytes), nowMs: nowMs ?? OPEN_MS, unixNow: unixNow ?? OPEN_UNIX, expect }] };
}

function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at]! ^= 1;
  return copy;
}

export function negativeTelegramVectors(): NegativeVector[] {
  const iv = seeded('negative/iv', 16);
  const payment = KINDS[0]![2];
  const good = sealTelegram(nodeCrypto, keys, iv, KIND.PAYMENT, payment);
  const end = good.length;
  // Offsets of the first byte of each field of a payment telegram (3 blocks).
  const fieldFlips: [string, number, string][] = [
    ['version', 0, 'BAD_VERSION'], ['type', 1, 'UNKNOWN_TYPE'], ['suite', 2, 'BAD_SUITE'], ['kind', 3, 'BAD_MAC'],
    ['boxId', 4, 'WRONG_BOX'], ['keyVersion', 12, 'WRONG_KEY_VERSION'], ['blocks', 13, 'BAD_LENGTH'],
    ['ciphertext first byte', 14, 'BAD_MAC'], ['ciphertext last byte', end - 17, 'BAD_MAC'],
    ['mac first byte', end - 16, 'BAD_MAC'], ['mac last byte', end - 1, 'BAD_MAC'],
  ];
  const out = fieldFlips.map(([field, at, expect]) => once('bit flipped in ' + field, iv, flipped(good, at), expect));
  const reserved = encodeFields(KIND_LAYOUTS[KIND.PAYMENT]!, payment);
  reserved[47] = 1;
  const expired = Object.assign({}, payment, { expiresAt: OPEN_UNIX - 1 });
  out.push(
    once('sealed for another box', iv, sealTelegram(nodeCrypto, otherBoxKeys, iv, KIND.PAYMENT, payment), 'WRONG_BOX'),
    once('sealed under another key version', iv, sealTelegram(nodeCrypto, nextKeys, iv, KIND.PAYMENT, payment), 'WRONG_KEY_VERSION'),
    once('no IV was handed out', null, good, 'NO_IV'),
    once('IV expired on the box clock', iv, good, 'IV_EXPIRED', IV_EXPIRES_MS),
    once('sealed under a different IV', iv, sealTelegram(nodeCrypto, keys, seeded('negative/other-iv', 16), KIND.PAYMENT, payment), 'BAD_MAC'),
    once('truncated by one byte', iv, good.slice(0, end - 1), 'BAD_LENGTH'),
    once('one byte appended', iv, concatBytes([good, new Uint8Array(1)]), 'BAD_LENGTH'),
    once('only version and type', iv, good.slice(0, 2), 'BAD_LENGTH'),
    once('wrong version', iv, Object.assign(good.slice(), { 0: 2 }), 'BAD_VERSION'),
    once('wrong suite', iv, Object.assign(good.slice(), { 2: 2 }), 'BAD_SUITE'),
    once('not a telegram', iv, encodeMessage(MSG.CANCEL, { txnId: payment.txnId! }), 'UNKNOWN_TYPE'),
    once('unknown kind under a valid MAC', iv, macedTelegram(keys, iv, 9, encodeFields(KIND_LAYOUTS[KIND.PAYMENT]!, payment)), 'UNKNOWN_KIND'),
    once('reserved byte set under a valid MAC', iv, macedTelegram(keys, iv, KIND.PAYMENT, reserved), 'BAD_PLAINTEXT'),
    once('plaintext of the wrong size for its kind', iv, macedTelegram(keys, iv, KIND.CLOCK, reserved), 'BAD_PLAINTEXT'),
    once('expired by its expiresAt', iv, sealTelegram(nodeCrypto, keys, iv, KIND.PAYMENT, expired), 'EXPIRED'),
    once('expired but the box clock is unset', iv, sealTelegram(nodeCrypto, keys, iv, KIND.PAYMENT, expired), 'OK', OPEN_MS, 0),
    {
      name: 'IV reused by a second telegram', iv: toHex(iv), attempts: [
        { hex: toHex(good), nowMs: OPEN_MS, unixNow: OPEN_UNIX, expect: 'OK' },
        { hex: toHex(good), nowMs: OPEN_MS, unixNow: OPEN_UNIX, expect: 'NO_IV' },
      ],
    },
    {
      name: 'IV consumed by a failed attempt', iv: toHex(iv), attempts: [
        { hex: toHex(flipped(good, end - 1)), nowMs: OPEN_MS, unixNow: OPEN_UNIX, expect: 'BAD_MAC' },
        { hex: toHex(good), nowMs: OPEN_MS, unixNow: OPEN_UNIX, expect: 'NO_IV' },
      ],
    },
  );
  for (const vector of out) {
    for (const attempt of vector.attempts) {
      if (attempt.expect !== 'OK' && !(attempt.expect in ERR)) throw new Error('unknown code ' + attempt.expect);
    }
  }
  return out;
}
