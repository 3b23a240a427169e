export { sha256 } from './sha256.ts';
export { aes256CbcDecrypt, aes256CbcEncrypt, checkAesInput } from './aes256-cbc.ts';
export { cryptoError, type CryptoError } from './error.ts';
