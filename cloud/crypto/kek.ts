import { inspect } from 'node:util';

/**
 * The key-encryption key. Wrapped so that logging or serialising a config object can never print it:
 * only `bytes()` hands out the key, to the sealing code.
 */
export class Kek {
  readonly #bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    if (bytes.length !== 32) throw new RangeError('the key-encryption key must be 32 bytes');
    this.#bytes = new Uint8Array(bytes);
  }

  bytes(): Uint8Array {
    return this.#bytes;
  }

  toJSON(): string {
    return '[redacted]';
  }

  toString(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'Kek [redacted]';
  }
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

/** 64 hex digits or 43/44 characters of base64 (standard or URL alphabet); undefined for anything else. */
export function parseKek(text: string): Kek | undefined {
  const trimmed = text.trim();
  if (HEX_KEY.test(trimmed)) return new Kek(Buffer.from(trimmed, 'hex'));
  if (BASE64_KEY.test(trimmed)) return new Kek(Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  return undefined;
}
