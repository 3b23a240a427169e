import { MSG } from '../../../shared/protocol/constants.ts';
import { decodeMessage } from '../../../shared/protocol/messages.ts';
import { CloudError } from '../../errors/cloud-error.ts';

/** The 16-byte IV from what the wallet relays: the box's whole IV message, or the bare IV. */
export function ivFrom(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 16) return bytes;
  const decoded = decodeMessage(bytes);
  if (decoded.ok && decoded.type === MSG.IV) return decoded.fields.iv as Uint8Array;
  throw new CloudError('iv_invalid', 'iv is neither the box\'s IV message nor 16 bytes');
}
