/**
 * Compares in time that depends only on the length, never on where the first difference is, so a MAC check
 * cannot be used as an oracle byte by byte. Lengths are public (fixed by the protocol), so they may exit early.
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
