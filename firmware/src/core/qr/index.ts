export { encodeQr, type QrCode } from './encode.ts';
export { byteCapacity, MAX_VERSION } from './codewords.ts';
