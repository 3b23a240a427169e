// What a POS or wallet relays from a box's log: a whole LOG_RECORDS message, or the 48-byte records themselves.
import { toHex } from '../../../shared/bytes/hex.ts';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import { LABEL, LOG_RECORD_SIZE, MSG } from '../../../shared/protocol/constants.ts';
import { decodeFields } from '../../../shared/protocol/layout.ts';
import { LOG_RECORD_LAYOUT, decodeMessage } from '../../../shared/protocol/messages.ts';
import { checkTag } from '../../../shared/protocol/tags.ts';
import type { BoxKeys } from '../../../shared/protocol/types.ts';
import { CloudError } from '../../errors/cloud-error.ts';

export interface LogRecord {
  seq: number;
  time: number;
  txnId: string;
  walletId: number;
  amount: number;
  currency: number;
  scenario: number;
  result: number;
}

/** The records of a LOG_RECORDS message; CloudError `log_message_invalid` for anything else. */
export function recordsOfMessage(message: Uint8Array): Uint8Array[] {
  const decoded = decodeMessage(message);
  if (!decoded.ok || decoded.type !== MSG.LOG_RECORDS) throw new CloudError('log_message_invalid', 'message is not a LOG_RECORDS message');
  const bytes = decoded.fields.records as Uint8Array;
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += LOG_RECORD_SIZE) out.push(bytes.subarray(at, at + LOG_RECORD_SIZE));
  return out;
}

/** The record's fields, or undefined when it is not 48 bytes or its reserved bytes are not zero. */
export function decodeRecord(bytes: Uint8Array): LogRecord | undefined {
  if (bytes.length !== LOG_RECORD_SIZE) return undefined;
  const f = decodeFields(LOG_RECORD_LAYOUT, bytes, 0, bytes.length);
  // The layout decoder itself refuses non-zero reserved bytes (a number: the wire error code).
  if (typeof f === 'number') return undefined;
  return {
    seq: f.seq as number, time: f.time as number, txnId: toHex(f.txnId as Uint8Array), walletId: f.walletId as number,
    amount: f.amount as number, currency: f.currency as number, scenario: f.scenario as number, result: f.result as number,
  };
}

/** The first of `keySets` (newest first) whose macKey verifies the record's MAC, bound to the box id. */
export function verifyingKey(keySets: readonly BoxKeys[], bytes: Uint8Array): BoxKeys | undefined {
  return keySets.find((keys) => checkTag(nodeCrypto, keys.macKey, LABEL.LOG, keys.boxId, bytes, 0));
}
