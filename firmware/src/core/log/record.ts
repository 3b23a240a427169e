import { LABEL } from '../../../../shared/protocol/constants.ts';
import { encodeFields } from '../../../../shared/protocol/layout.ts';
import { LOG_RECORD_LAYOUT } from '../../../../shared/protocol/messages.ts';
import { signTag } from '../../../../shared/protocol/tags.ts';
import type { Crypto } from '../../../../shared/crypto/types.ts';
import type { LogFields } from './types.ts';

/** The 48-byte record of docs/protocol.md with its MAC: HMAC(macKey, "WG1/log" ‖ boxId ‖ bytes 0..31)[0..16]. */
export function encodeRecord(crypto: Crypto, keys: { macKey: Uint8Array; boxId: Uint8Array }, seq: number, f: LogFields): Uint8Array {
  const record = encodeFields(LOG_RECORD_LAYOUT, {
    seq: seq, time: f.time, txnId: f.txnId, walletId: f.walletId, amount: f.amount, currency: f.currency,
    scenario: f.scenario, result: f.result, mac: new Uint8Array(16),
  });
  return signTag(crypto, keys.macKey, LABEL.LOG, keys.boxId, record, 0);
}
