import { runInContext, type Context } from 'node:vm';

/**
 * Values crossing between Node and the bundle's vm context. The context has its own intrinsics, so a host
 * Uint8Array fails `instanceof Uint8Array` inside it (and the other way round): bytes handed to the bundle
 * are made with the context's constructors, and values handed to tests are copied into host ones.
 */
export interface Realm {
  /** A context-realm Uint8Array holding a copy of `bytes`. */
  bytes(bytes: ArrayLike<number>): Uint8Array;
  /** A context-realm ArrayBuffer holding a copy of `bytes`. */
  buffer(bytes: ArrayLike<number>): ArrayBuffer;
}

export function createRealm(context: Context): Realm {
  const U8 = runInContext('Uint8Array', context) as Uint8ArrayConstructor;
  return {
    bytes: (bytes) => {
      const out = new U8(bytes.length);
      for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]!;
      return out;
    },
    buffer(bytes) {
      return this.bytes(bytes).buffer as ArrayBuffer;
    },
  };
}

function isTag(value: unknown, tag: string): boolean {
  return Object.prototype.toString.call(value) === `[object ${tag}]`;
}

/**
 * Bytes from any realm as a host Uint8Array: typed arrays, ArrayBuffers, binary strings (one char per byte,
 * as Espruino treats them) and, when `arrays` is set, plain arrays of numbers. Undefined when not bytes.
 */
export function toHostBytes(value: unknown, arrays = false): Uint8Array | undefined {
  if (typeof value === 'string') {
    const out = new Uint8Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = value.charCodeAt(i) & 255;
    return out;
  }
  // Copied through host methods: the context's ArrayBuffer.prototype.slice is removed, as on Espruino.
  if (isTag(value, 'ArrayBuffer')) return new Uint8Array(value as ArrayBuffer).slice();
  if (ArrayBuffer.isView(value)) {
    const view = value as ArrayBufferView;
    return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice();
  }
  if (arrays && Array.isArray(value)) return Uint8Array.from(value as number[], (n) => Number(n) & 255);
  return undefined;
}

/** A deep copy of a context value with host arrays, objects and Uint8Arrays, for traces that tests compare. */
export function toHost(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value) || isTag(value, 'ArrayBuffer')) return toHostBytes(value);
  if (Array.isArray(value)) return value.map(toHost);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = toHost((value as Record<string, unknown>)[key]);
  return out;
}
