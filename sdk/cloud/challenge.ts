// The request-bound challenge (docs/wallet-api.md): the wallet derives the HELLO_REQUEST challenge from the nonce
// and timestamp it will sign its POST /sessions with, so a session needs no separate challenge call. The cloud
// derives the same bytes from the headers it verified; the nonce makes it single use, the timestamp window bounds
// the HELLO's age.
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8Encode } from '../../shared/bytes/utf8.ts';
import type { RequestSigning } from './client.ts';

export const CHALLENGE_LABEL = 'WG1/challenge';

/** The 16-byte challenge: SHA-256(label ‖ "\n" ‖ keyId ‖ "\n" ‖ timestamp ‖ "\n" ‖ nonce)[0..16]. */
export function requestBoundChallenge(keyId: string, signing: RequestSigning): Uint8Array {
  return sha256(utf8Encode([CHALLENGE_LABEL, keyId, String(signing.timestamp), signing.nonce].join('\n'))).slice(0, 16);
}
