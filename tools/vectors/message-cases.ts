// Positive vectors: one message of every type (tags computed with the seeded keys) and every proof.
import { nodeCrypto } from '../../shared/crypto/node.ts';
import { concatBytes, toHex } from '../../shared/bytes/index.ts';
import {
  FLAG, LABEL, LOG_RECORD_LAYOUT, MSG, RIGHT, SCENARIO, STATUS, BOARD, ERR, encodeFields, encodeMessage, signTag,
} from '../../shared/protocol/index.ts';
import type { Fields } from '../../shared/protocol/index.ts';
import { boxId, fieldsToJson, keys, seeded } from './seeded.ts';
import type { JsonFields } from './seeded.ts';

const zeroTag = new Uint8Array(16);
export const challenge = seeded('challenge', 16);
export const boxNonce = seeded('boxNonce', 16);
export const logNonce = seeded('logNonce', 16);
export const txnId = seeded('txnId', 8);

interface ProofSpec { name: string; key: 'macKey' | 'posKey'; label: string; context: Uint8Array; start: number }

export const PROOFS: Record<number, ProofSpec> = {
  [MSG.HELLO]: { name: 'hello', key: 'macKey', label: LABEL.HELLO, context: challenge, start: 2 },
  [MSG.AUTH]: { name: 'ticket', key: 'macKey', label: LABEL.TICKET, context: concatBytes([boxId, boxNonce]), start: 2 },
  [MSG.RECEIPT]: { name: 'receipt', key: 'macKey', label: LABEL.RECEIPT, context: new Uint8Array(0), start: 2 },
  [MSG.LOG_READ]: { name: 'pos', key: 'posKey', label: LABEL.POS, context: concatBytes([boxId, logNonce]), start: 2 },
};

function logRecord(seq: number, amount: number, result: number): Uint8Array {
  const record = encodeFields(LOG_RECORD_LAYOUT, {
    seq, time: 1767225600 + seq * 60, txnId: seeded('logTxn' + seq, 8), walletId: 42, amount, currency: 392,
    scenario: SCENARIO.PAY_BY_COUNT, result, mac: zeroTag,
  });
  return signTag(nodeCrypto, keys.macKey, LABEL.LOG, boxId, record, 0);
}

export const records = [logRecord(7, 200, STATUS.OK), logRecord(8, 100, STATUS.MACHINE_FAILED)];

const SAMPLES: [string, number, Fields][] = [
  ['HELLO_REQUEST', MSG.HELLO_REQUEST, { challenge }],
  ['HELLO', MSG.HELLO, {
    boxId, flags: FLAG.ACTIVATED | (SCENARIO.PAY_BY_COUNT << FLAG.SCENARIO_SHIFT), firmwareVersion: 0x0100,
    keyVersion: 1, counter: 1234, clock: 1767225600, boxNonce, proof: zeroTag,
  }],
  ['AUTH', MSG.AUTH, { walletId: 42, rights: RIGHT.PAY | RIGHT.INFO, validSeconds: 120, ticket: zeroTag }],
  ['IV_REQUEST', MSG.IV_REQUEST, {}],
  ['IV', MSG.IV, { iv: seeded('iv/message', 16), ttlSeconds: 30 }],
  ['RECEIPT', MSG.RECEIPT, {
    boxId, txnId, status: STATUS.OK, counter: 1235, logSeq: 9, time: 1767225660, detail: 0, mac: zeroTag,
  }],
  ['INFO_REQUEST', MSG.INFO_REQUEST, {}],
  ['INFO', MSG.INFO, {
    boardId: BOARD.PUCKJS, firmwareVersion: 0x0100, configVersion: 3, battery: 87, logCount: 9,
    logCapacity: 512, clock: 1767225600, flags: FLAG.ACTIVATED,
  }],
  ['LOG_CHALLENGE_REQUEST', MSG.LOG_CHALLENGE_REQUEST, {}],
  ['LOG_CHALLENGE', MSG.LOG_CHALLENGE, { nonce: logNonce }],
  ['LOG_READ', MSG.LOG_READ, { fromSeq: 7, count: 2, proof: zeroTag }],
  ['LOG_RECORDS', MSG.LOG_RECORDS, { count: 2, records: concatBytes(records) }],
  ['CANCEL', MSG.CANCEL, { txnId }],
  ['ERROR', MSG.ERROR, { code: ERR.BAD_MAC, detail: 0 }],
];

export interface MessageVector { name: string; type: number; fields: JsonFields; hex: string }

/** Encoded messages; tagged ones carry real tags, so decoding them also yields the signed fields. */
export function messageVectors(): MessageVector[] {
  return SAMPLES.map(([name, type, fields]) => {
    const bytes = encodeMessage(type, fields);
    const proof = PROOFS[type];
    if (proof) signTag(nodeCrypto, keys[proof.key], proof.label, proof.context, bytes, proof.start);
    const decoded = Object.assign({}, fields);
    if (proof) decoded[Object.keys(fields).pop()!] = bytes.slice(bytes.length - 16);
    return { name, type, fields: fieldsToJson(decoded), hex: toHex(bytes) };
  });
}

export interface ProofVector { name: string; key: string; label: string; context: string; start: number; bytes: string; tag: string }

export function proofVectors(): ProofVector[] {
  const out: ProofVector[] = [];
  for (const message of messageVectors()) {
    const proof = PROOFS[message.type];
    if (!proof) continue;
    out.push({
      name: proof.name, key: proof.key, label: proof.label, context: toHex(proof.context), start: proof.start,
      bytes: message.hex, tag: message.hex.slice(-32),
    });
  }
  records.forEach((record, i) => out.push({
    name: 'log record ' + i, key: 'macKey', label: LABEL.LOG, context: toHex(boxId), start: 0,
    bytes: toHex(record), tag: toHex(record.subarray(32)),
  }));
  return out;
}
