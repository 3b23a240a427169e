import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { SimulatorError } from './errors.ts';
import { toHostBytes, type Realm } from './realm.ts';

type Native = 'SHA1' | 'SHA224' | 'SHA256' | 'AES';

/**
 * What `require("crypto")` holds in each board's Espruino 2v29 build (boards/*.py). Taken from the
 * interpreter, not from the firmware's own board data, so a board file that claims too much fails here.
 */
export const NATIVE_CRYPTO: Readonly<Record<string, readonly Native[]>> = {
  PUCKJS: ['SHA1', 'SHA224', 'SHA256', 'AES'],
  MDBT42Q: ['SHA1', 'SHA256'],
  PIXLJS: ['SHA1'],
};

const hashes: Record<string, string> = { SHA1: 'sha1', SHA224: 'sha224', SHA256: 'sha256' };
const modes: Record<string, string> = { CBC: 'cbc', ECB: 'ecb', CFB: 'cfb', CTR: 'ctr' };

/** The board's `crypto` module for one boot; `error` prints a line as the interpreter's console would. */
export function createCryptoModule(espruinoBoard: string, realm: Realm, error: (line: string) => void): Record<string, unknown> {
  const natives = NATIVE_CRYPTO[espruinoBoard];
  if (natives === undefined) throw new SimulatorError('bad_argument', `no crypto table for board ${espruinoBoard}`);
  const module: Record<string, unknown> = {};
  for (const name of natives) {
    if (name !== 'AES') {
      module[name] = (data: unknown) => {
        const bytes = toHostBytes(data, true);
        if (bytes === undefined) throw new TypeError(`${name}: expecting a String or Array`);
        return realm.buffer(createHash(hashes[name]!).update(bytes).digest());
      };
    }
  }
  if (natives.includes('AES')) module.AES = { encrypt: aes(false), decrypt: aes(true) };
  return module;

  // Espruino's AES pads nothing and does not throw: bad input prints "ERROR: …" and the call returns undefined.
  function aes(decrypt: boolean) {
    return (data: unknown, key: unknown, options: unknown): ArrayBuffer | undefined => {
      const o = (options ?? {}) as { mode?: unknown; iv?: unknown };
      const mode = modes[String(o.mode === undefined ? 'CBC' : o.mode)];
      const input = Array.isArray(data) ? undefined : toHostBytes(data);
      const k = Array.isArray(key) ? undefined : toHostBytes(key);
      const iv = o.iv === undefined ? new Uint8Array(16) : toHostBytes(o.iv);
      if (mode === undefined) return fail('Unknown Crypto mode');
      if (input === undefined || k === undefined || iv === undefined) return fail('Expecting a String, ArrayBuffer or typed array');
      if (k.length !== 16 && k.length !== 24 && k.length !== 32) return fail('Key length must be 128, 192 or 256 bits');
      if (iv.length !== 16) return fail('IV must be 16 bytes');
      if ((mode === 'cbc' || mode === 'ecb') && input.length % 16 !== 0) return fail('Message length must be a multiple of 16 bytes');
      // CTR always counts from 0 there, whatever IV is given.
      const effectiveIv = mode === 'ctr' ? new Uint8Array(16) : iv;
      const algorithm = `aes-${k.length * 8}-${mode}`;
      const cipher = decrypt
        ? createDecipheriv(algorithm, k, mode === 'ecb' ? null : effectiveIv)
        : createCipheriv(algorithm, k, mode === 'ecb' ? null : effectiveIv);
      cipher.setAutoPadding(false);
      return realm.buffer(Buffer.concat([cipher.update(input), cipher.final()]));
    };
  }

  function fail(message: string): undefined {
    error('ERROR: ' + message);
    return undefined;
  }
}
