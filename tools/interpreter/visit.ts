// A whole wallet visit precomputed in Node. The interpreter runs a script, not a conversation, so the box's random
// bytes are pinned (E.hwRand returns one repeated byte): its HELLO nonce and every IV it issues are then known in
// advance, and the ticket and the sealed telegrams can be made before the box boots.
import { concatBytes } from '../../shared/bytes/index.ts';
import { nodeCrypto } from '../../shared/crypto/node.ts';
import { KIND, LABEL, MSG, RIGHT, SCENARIO, encodeMessage, sealTelegram, signTag } from '../../shared/protocol/index.ts';
import type { BoxKeys, Fields } from '../../shared/protocol/index.ts';

/** The byte every E.hwRand word repeats when a run pins the box's randomness. */
export const PINNED_RANDOM_BYTE = 0x5a;
export const VISIT_UNIX = 1_800_000_000;
export const VISIT_WALLET_ID = 4242;
export const VISIT_AMOUNT = 150;
const CURRENCY = 978;

function txnId(n: number): Uint8Array {
  const id = new Uint8Array(8);
  id[0] = 0x7a;
  id[7] = n;
  return id;
}

/** The TELEGRAM the cloud seals for `fields` with the box's pinned IV. */
function telegram(keys: BoxKeys, kind: number, fields: Fields): Uint8Array {
  const iv = new Uint8Array(16).fill(PINNED_RANDOM_BYTE);
  return sealTelegram(nodeCrypto, keys, iv, kind, fields);
}

/**
 * HELLO, AUTH, then CLOCK, CONFIG (pay-by-count: 2 pulses of 40 ms per unit) and `payments` PAYMENTs (1 by
 * default), each behind its IV_REQUEST. The box answers HELLO, INFO, then IV + RECEIPT for each telegram.
 */
export function paymentVisit(keys: BoxKeys, payments?: number): Uint8Array[] {
  const boxNonce = new Uint8Array(16).fill(PINNED_RANDOM_BYTE);
  const auth = encodeMessage(MSG.AUTH, {
    walletId: VISIT_WALLET_ID, rights: RIGHT.MANAGE | RIGHT.PAY, validSeconds: 300, ticket: new Uint8Array(16),
  });
  const ivRequest = encodeMessage(MSG.IV_REQUEST, {});
  const base = { issuedAt: VISIT_UNIX, expiresAt: 0 };
  return [
    encodeMessage(MSG.HELLO_REQUEST, { challenge: nodeCrypto.randomBytes(16) }),
    signTag(nodeCrypto, keys.macKey, LABEL.TICKET, concatBytes([keys.boxId, boxNonce]), auth, 2),
    ivRequest,
    telegram(keys, KIND.CLOCK, { ...base, txnId: txnId(1), time: VISIT_UNIX }),
    ivRequest,
    telegram(keys, KIND.CONFIG, {
      ...base, txnId: txnId(2), configVersion: 1, scenario: SCENARIO.PAY_BY_COUNT, outputMask: 1, activeLevels: 1,
      inputRoles: 0, pulseMs: 40, gapMs: 60, pulsesPerUnit: 2, rssiMin: 0, unitSeconds: 0, unitPrice: VISIT_AMOUNT,
      currency: CURRENCY, maxAmount: 100_000, uartBaud: 0, uartFraming: 0, options: 0,
    }),
    ...Array.from({ length: payments ?? 1 }, (_, n) => [ivRequest, telegram(keys, KIND.PAYMENT, {
      ...base, txnId: txnId(3 + n), walletId: VISIT_WALLET_ID, amount: VISIT_AMOUNT, currency: CURRENCY,
      scenario: SCENARIO.PAY_BY_COUNT, outputIndex: 0, units: 1, sku: 0,
    })]).flat(),
  ];
}
