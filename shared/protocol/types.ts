import type { Crypto } from '../crypto/types.ts';

export type { Crypto };
export type FieldValue = number | Uint8Array;

/** Decoded fields by name: uint fields are numbers, byte fields Uint8Array. */
export interface Fields {
  [name: string]: FieldValue;
}

/** What a box holds: it never sees the master secret. */
export interface BoxKeys {
  boxId: Uint8Array;
  keyVersion: number;
  encKey: Uint8Array;
  macKey: Uint8Array;
  posKey: Uint8Array;
}

/** The one outstanding IV of a connection; `iv` is undefined when none is outstanding. */
export interface IvSlot {
  iv: Uint8Array | undefined;
  expiresMs: number;
}

export type Failure = { ok: false; code: number };
export type DecodeResult = { ok: true; type: number; fields: Fields } | Failure;
export type OpenResult = { ok: true; kind: number; fields: Fields } | Failure;
