import { createHmac } from 'node:crypto';
import type { Hmac } from '../../../shared/protocol/advertising.ts';

/**
 * HMAC-SHA256 through node:crypto (OpenSSL): the table computes millions of ids, and this is about twice as fast
 * as @noble/hashes for the short advertising inputs. The ids are the same bytes either way.
 */
export const nodeHmac: Hmac = (key, data) => {
  const digest = createHmac('sha256', key).update(data).digest();
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.length);
};
