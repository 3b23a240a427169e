// GF(256) with the QR polynomial x^8+x^4+x^3+x^2+1. The log/antilog tables are built on first use rather than
// shipped as 512 literals: flash is the scarce resource on the box, and 512 bytes of RAM only while drawing.
// Products are taken in the log domain inline: a function call per product costs more than the lookups
// themselves on the interpreter.
let exp: Uint8Array | undefined;
let log: Uint8Array;

/** The `n` Reed-Solomon error-correction codewords of `data` (generator roots 2^0..2^(n-1)). */
export function reedSolomon(data: Uint8Array, n: number): Uint8Array {
  if (!exp) {
    // Antilogs twice over, so a sum of two logs needs no "% 255".
    exp = new Uint8Array(510);
    log = new Uint8Array(256);
    for (let i = 0, x = 1; i < 255; i++) {
      exp[i] = exp[i + 255] = x;
      log[x] = i;
      x = x & 128 ? (x << 1) ^ 0x11d : x << 1;
    }
  }
  // Generator polynomial without its leading 1, highest degree first; multiplied by (x - 2^i) in turn.
  const gen = new Uint8Array(n);
  gen[n - 1] = 1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) gen[j] = (gen[j] ? exp[log[gen[j]!]! + i]! : 0) ^ (j + 1 < n ? gen[j + 1]! : 0);
  }
  // Kept as logs: every generator coefficient is non-zero.
  for (let j = 0; j < n; j++) gen[j] = log[gen[j]!]!;
  // One spare zero at the end, shifted in as the remainder moves up a degree.
  const rem = new Uint8Array(n + 1);
  for (let i = 0; i < data.length; i++) {
    const factor = data[i]! ^ rem[0]!;
    const lf = log[factor]!;
    if (factor) for (let j = 0; j < n; j++) rem[j] = rem[j + 1]! ^ exp[gen[j]! + lf]!;
    else rem.set(rem.subarray(1));
  }
  return rem.subarray(0, n);
}
