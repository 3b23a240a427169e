export { crc16 } from './crc16.ts';
export { utf8Encode } from './utf8.ts';
