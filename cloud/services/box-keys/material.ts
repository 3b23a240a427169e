import { randomBytes } from '@noble/hashes/utils.js';
import { fromHex } from '../../../shared/bytes/hex.ts';
import { deriveBoxKeys } from '../../../shared/protocol/keys.ts';
import type { BoxKeys } from '../../../shared/protocol/types.ts';
import type { Kek } from '../../crypto/kek.ts';
import { openSecret, sealSecret } from '../../crypto/seal.ts';
import { CloudError } from '../../errors/cloud-error.ts';

export const FIRST_KEY_VERSION = 1;
/** keyVersion is a uint8 on the wire. */
export const LAST_KEY_VERSION = 255;

export function checkBoxId(boxId: string): void {
  if (!/^[0-9a-f]{16}$/.test(boxId)) throw new CloudError('invalid_box_id', 'a box id is 16 lower-case hex digits');
}

/** The associated data of a sealed master secret: the blob opens only on its own box and version. */
function context(boxId: string, keyVersion: number): string {
  return `box_keys/${boxId}/${keyVersion}`;
}

/** Seals `given` (a provisioning tool's master secret, 32 bytes) or a fresh one; the copy made here is wiped. */
export function newSealedMaster(kek: Kek, boxId: string, keyVersion: number, given?: Uint8Array): { sealed: Buffer; keys: BoxKeys } {
  if (given !== undefined && given.length !== 32) throw new CloudError('master_secret_invalid', 'a master secret is 32 bytes');
  const master = given === undefined ? randomBytes(32) : new Uint8Array(given);
  try {
    return {
      sealed: Buffer.from(sealSecret(kek, master, context(boxId, keyVersion))),
      keys: deriveBoxKeys(master, fromHex(boxId), keyVersion),
    };
  } finally {
    master.fill(0);
  }
}

export function keysFromSealed(kek: Kek, boxId: string, keyVersion: number, sealed: Uint8Array): BoxKeys {
  const master = openSecret(kek, sealed, context(boxId, keyVersion));
  try {
    return deriveBoxKeys(master, fromHex(boxId), keyVersion);
  } finally {
    master.fill(0);
  }
}
