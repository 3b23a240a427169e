export type { Crypto } from './types.ts';
export { hmacFromSha256 } from './hmac.ts';
export { equalBytes } from './constant-time.ts';
