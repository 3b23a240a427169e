// Cloud side: builds a TELEGRAM for one box and one IV it handed out. Encrypt-then-MAC: AES-256-CBC alone is
// malleable (flipping a ciphertext bit flips the next block's plaintext bit), so the MAC covers header, IV and
// ciphertext and the box checks it before decrypting.
import { MSG, SUITE_V1, TAG_SIZE } from './constants.ts';
import { ERR, protocolError } from './errors.ts';
import { encodeFields } from './layout.ts';
import { encodeMessage } from './messages.ts';
import { KIND_LAYOUTS, telegramMac } from './telegram-layout.ts';
import type { Crypto } from '../crypto/types.ts';
import type { BoxKeys, Fields } from './types.ts';

export function sealTelegram(
  crypto: Crypto,
  keys: BoxKeys,
  iv: Uint8Array,
  kind: number,
  fields: Fields,
): Uint8Array {
  const layout = kind >= 0 && kind < KIND_LAYOUTS.length ? KIND_LAYOUTS[kind] : undefined;
  if (layout === undefined) throw protocolError(ERR.UNKNOWN_KIND, 'unknown telegram kind ' + kind);
  if (iv.length !== 16) throw protocolError(ERR.BAD_FIELD, 'iv must be 16 bytes');
  const ciphertext = crypto.aes256CbcEncrypt(keys.encKey, iv, encodeFields(layout, fields));
  const telegram = encodeMessage(MSG.TELEGRAM, {
    suite: SUITE_V1,
    kind: kind,
    boxId: keys.boxId,
    keyVersion: keys.keyVersion,
    blocks: ciphertext.length / 16,
    ciphertext: ciphertext,
    mac: new Uint8Array(TAG_SIZE),
  });
  telegram.set(telegramMac(crypto, keys.macKey, iv, telegram), telegram.length - TAG_SIZE);
  return telegram;
}
