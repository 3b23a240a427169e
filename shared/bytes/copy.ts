// A fresh Uint8Array holding bytes[start..end). Not `typedArray.slice`: on Espruino (2v29) that returns a plain
// Array, which fails `instanceof Uint8Array` and which the native crypto functions refuse. Callers keep
// `end` within the length: Espruino's subarray does not clamp it.
export function copyBytes(bytes: Uint8Array, start: number, end: number): Uint8Array {
  return new Uint8Array(bytes.subarray(start, end));
}
