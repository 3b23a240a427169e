// The request-bound challenge (docs/wallet-api.md): derived from the key id, timestamp and nonce of the signed
// POST /sessions itself, so a wallet needs no separate challenge call. The nonce makes it single use (the
// signature check refuses a reused nonce); the timestamp window bounds how old the HELLO can be.
import { createHash } from 'node:crypto';

export const CHALLENGE_LABEL = 'WG1/challenge';

/** SHA-256(label ‖ "\n" ‖ keyId ‖ "\n" ‖ timestamp ‖ "\n" ‖ nonce)[0..16], as 32 hex digits. */
export function requestBoundChallenge(keyId: string, timestamp: string, nonce: string): string {
  return createHash('sha256').update([CHALLENGE_LABEL, keyId, timestamp, nonce].join('\n')).digest('hex').slice(0, 32);
}
