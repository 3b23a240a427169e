// The box's key file in Storage ("waygo.keys"), written by provisioning in install mode and replaced by a key
// rotation telegram. It holds only the derived keys, never the master secret. Same layout codec as the wire.
import { decodeFields, encodeFields } from './layout.ts';
import type { BoxKeys } from './types.ts';

export const KEY_FILE_NAME = 'waygo.keys';
export const KEY_FILE_LAYOUT = 'format:1 boxId*8 keyVersion:1 encKey*32 macKey*32 posKey*32';
const KEY_FILE_FORMAT = 1;

export function encodeKeyFile(keys: BoxKeys): Uint8Array {
  return encodeFields(KEY_FILE_LAYOUT, {
    format: KEY_FILE_FORMAT, boxId: keys.boxId, keyVersion: keys.keyVersion, encKey: keys.encKey, macKey: keys.macKey,
    posKey: keys.posKey,
  });
}

/** The keys, or undefined for a missing, short or foreign file: such a box runs unprovisioned. */
export function decodeKeyFile(bytes: Uint8Array | undefined): BoxKeys | undefined {
  if (bytes === undefined) return undefined;
  const fields = decodeFields(KEY_FILE_LAYOUT, bytes, 0, bytes.length);
  if (typeof fields === 'number' || fields.format !== KEY_FILE_FORMAT) return undefined;
  return {
    boxId: fields.boxId as Uint8Array,
    keyVersion: fields.keyVersion as number,
    encKey: fields.encKey as Uint8Array,
    macKey: fields.macKey as Uint8Array,
    posKey: fields.posKey as Uint8Array,
  };
}
