// Cloud-only (uses @noble/hashes): per-box keys from the operator's master secret. The box stores only the
// three derived keys, so a box taken apart reveals nothing about any other box.
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '../bytes/concat.ts';
import { utf8Encode } from '../bytes/utf8.ts';
import { ERR, protocolError } from './errors.ts';
import type { BoxKeys } from './types.ts';

export const KEY_SALT = 'WayGo box keys v1';
export const KEY_INFO = { enc: 'WG1/enc', mac: 'WG1/mac', pos: 'WG1/pos' } as const;

function derive(master: Uint8Array, label: string, boxId: Uint8Array, keyVersion: number): Uint8Array {
  const info = concatBytes([utf8Encode(label), boxId, new Uint8Array([keyVersion])]);
  return hkdf(sha256, master, utf8Encode(KEY_SALT), info, 32);
}

/** HKDF-SHA256(ikm = master, salt = KEY_SALT, info = label ‖ boxId ‖ keyVersion) → 32 bytes per key. */
export function deriveBoxKeys(master: Uint8Array, boxId: Uint8Array, keyVersion: number): BoxKeys {
  if (master.length !== 32) throw protocolError(ERR.BAD_FIELD, 'master secret must be 32 bytes');
  if (boxId.length !== 8) throw protocolError(ERR.BAD_FIELD, 'box id must be 8 bytes');
  if (!(keyVersion >= 0 && keyVersion <= 255 && keyVersion % 1 === 0)) throw protocolError(ERR.BAD_FIELD, 'key version is a uint8');
  return {
    boxId: new Uint8Array(boxId),
    keyVersion: keyVersion,
    encKey: derive(master, KEY_INFO.enc, boxId, keyVersion),
    macKey: derive(master, KEY_INFO.mac, boxId, keyVersion),
    posKey: derive(master, KEY_INFO.pos, boxId, keyVersion),
  };
}
