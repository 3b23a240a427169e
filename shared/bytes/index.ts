export { crc16 } from './crc16.ts';
export { utf8Encode } from './utf8.ts';
export { readUint, writeUint } from './int.ts';
export { concatBytes } from './concat.ts';
export { toHex, fromHex } from './hex.ts';
export { copyBytes } from './copy.ts';
