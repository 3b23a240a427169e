import { equalBytes } from '../../../shared/crypto/constant-time.ts';
import type { TxnRecord } from './session/index.ts';

/**
 * The last few executed transactions in RAM, for a box that has no room for a log: the cloud reseals a txnId
 * for a new IV when a receipt was lost, and without this the box would run the machine twice. Lost on reset,
 * so the log remains the real answer; this only closes the common case of a retry within one power cycle.
 */
export function createRecentTxns(size: number): { add(txnId: Uint8Array, entry: TxnRecord): void; find(txnId: Uint8Array): TxnRecord | undefined } {
  const ids: Uint8Array[] = [];
  const entries: TxnRecord[] = [];
  return {
    add(txnId, entry) {
      ids.push(txnId);
      entries.push(entry);
      if (ids.length > size) {
        ids.splice(0, 1);
        entries.splice(0, 1);
      }
    },
    find(txnId) {
      for (let i = ids.length - 1; i >= 0; i--) if (equalBytes(ids[i]!, txnId)) return entries[i];
      return undefined;
    },
  };
}
