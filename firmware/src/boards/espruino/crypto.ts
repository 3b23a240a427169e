import { hmacFromSha256, type Crypto } from '../../../../shared/crypto/index.ts';
import { checkAesInput, cryptoError } from '../../crypto/index.ts';

// E is declared here rather than in espruino.d.ts because only this file may draw random numbers.
declare const E: { hwRand(): number };

type Bytes = Uint8Array;
type Sha256 = (data: Bytes) => Bytes;
type Aes = (key: Bytes, iv: Bytes, data: Bytes) => Bytes;

/** Pure-JS code for what a board lacks. Each board's entry imports only the pieces it needs, so esbuild drops the rest. */
export interface CryptoFallbacks {
  sha256?: Sha256;
  aes256CbcEncrypt?: Aes;
  aes256CbcDecrypt?: Aes;
}

/** The parts of Espruino's `crypto` module used here; absent entries are simply not on that board's build. */
export interface NativeCrypto {
  SHA256?(data: Bytes): ArrayBuffer;
  AES?: {
    encrypt(data: Bytes, key: Bytes, options: { mode: string; iv: Bytes }): ArrayBuffer | undefined;
    decrypt(data: Bytes, key: Bytes, options: { mode: string; iv: Bytes }): ArrayBuffer | undefined;
  };
}

// Native AES prints "ERROR: …" and returns undefined on bad input instead of throwing, so the input is checked
// first and an undefined result still becomes an exception.
function nativeAes(aes: NativeCrypto['AES'], decrypt: boolean): Aes {
  return function (key, iv, data) {
    checkAesInput(key, iv, data);
    const options = { mode: 'CBC', iv };
    const result = decrypt ? aes!.decrypt(data, key, options) : aes!.encrypt(data, key, options);
    if (result === undefined) throw cryptoError('native_failed', 'native AES failed');
    return new Uint8Array(result);
  };
}

/** Testable core of boardCrypto: the native module and the 32-bit hardware RNG come in as arguments. */
export function createBoardCrypto(caps: { aes: boolean; sha256: boolean }, fallbacks: CryptoFallbacks, native: NativeCrypto, hwRand: () => number): Crypto {
  const sha256 = caps.sha256 ? (data: Bytes) => new Uint8Array(native.SHA256!(data)) : fallbacks.sha256;
  const encrypt = caps.aes ? nativeAes(native.AES, false) : fallbacks.aes256CbcEncrypt;
  const decrypt = caps.aes ? nativeAes(native.AES, true) : fallbacks.aes256CbcDecrypt;
  if (!sha256 || !encrypt || !decrypt) throw cryptoError('missing', 'SHA256 or AES neither native nor supplied');
  return {
    sha256,
    hmacSha256: hmacFromSha256(sha256),
    aes256CbcEncrypt: encrypt,
    aes256CbcDecrypt: decrypt,
    randomBytes(length) {
      const out = new Uint8Array(length);
      let word = 0;
      for (let i = 0; i < length; i++) {
        if (!(i & 3)) word = hwRand();
        out[i] = word >> ((i & 3) * 8);
      }
      return out;
    },
  };
}

/**
 * The box's Crypto: Espruino's native SHA256 and AES where `caps` (the board data) says they exist, the given
 * pure-JS fallbacks otherwise; HMAC is built on whichever SHA256 is used; random bytes come from E.hwRand().
 */
export function boardCrypto(caps: { aes: boolean; sha256: boolean }, fallbacks: CryptoFallbacks): Crypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Espruino's built-in modules are reached only through require
  return createBoardCrypto(caps, fallbacks, caps.aes || caps.sha256 ? require('crypto') : {}, () => E.hwRand());
}
