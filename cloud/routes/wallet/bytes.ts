import { z } from 'zod';

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
// Hex digits are base64 characters too, so this one pattern admits both and stays visible in the OpenAPI schema.
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** A box message as the wallet relays it: hex, or base64 (standard or URL alphabet); at most `maxBytes`. */
export const bytesField = (maxBytes: number) =>
  z.string().min(2).max(maxBytes * 2)
    .regex(BASE64, 'must be hex or base64')
    .transform((s) => new Uint8Array(HEX.test(s) ? Buffer.from(s, 'hex') : Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64')));
