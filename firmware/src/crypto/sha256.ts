// FIPS 180-4 SHA-256 for boards without a native one. The round constants and initial hash are derived at first
// use from the primes (fractional bits of cube and square roots) instead of being shipped as 72 literals:
// flash is the scarce resource, and the 288 bytes of tables live in typed arrays.
let K: Int32Array | undefined;
let H0: Int32Array;

function constants(): Int32Array {
  K = new Int32Array(64);
  H0 = new Int32Array(8);
  for (let n = 2, found = 0; found < 64; n++) {
    let prime = 1;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = 0;
    if (prime) {
      if (found < 8) H0[found] = frac32(Math.sqrt(n));
      K[found++] = frac32(Math.pow(n, 1 / 3));
    }
  }
  return K;
}

// The first 32 fractional bits of a root; a double holds the ~50 needed, so truncation is exact.
function frac32(x: number): number {
  return (x - Math.floor(x)) * 4294967296;
}

export function sha256(data: Uint8Array): Uint8Array {
  const k = K || constants();
  const length = data.length;
  // Message, 0x80, zeros, 64-bit big-endian bit length, to a whole number of 64-byte blocks.
  const m = new Uint8Array(((length + 72) >> 6) << 6);
  m.set(data);
  m[length] = 0x80;
  const end = m.length;
  // Byte by byte in doubles: storing a value past 32 bits into a typed array is not wrapped the same way everywhere.
  let bits = length * 8;
  for (let i = 1; i <= 8; i++) {
    m[end - i] = bits % 256;
    bits = Math.floor(bits / 256);
  }
  const h = new Int32Array(H0);
  const w = new Int32Array(64);
  for (let block = 0; block < end; block += 64) {
    let a = h[0]!;
    let b = h[1]!;
    let c = h[2]!;
    let d = h[3]!;
    let e = h[4]!;
    let f = h[5]!;
    let g = h[6]!;
    let hh = h[7]!;
    for (let i = 0; i < 64; i++) {
      // Rotations are written out as shift pairs (their halves never overlap, so ^ joins them): a function call
      // per rotation costs more on the interpreter than the whole expression.
      if (i < 16) {
        const j = block + i * 4;
        w[i] = (m[j]! << 24) | (m[j + 1]! << 16) | (m[j + 2]! << 8) | m[j + 3]!;
      } else {
        const x = w[i - 15]!;
        const y = w[i - 2]!;
        w[i] = (w[i - 16]! + ((x >>> 7) ^ (x << 25) ^ (x >>> 18) ^ (x << 14) ^ (x >>> 3)) + w[i - 7]! +
          ((y >>> 17) ^ (y << 15) ^ (y >>> 19) ^ (y << 13) ^ (y >>> 10))) | 0;
      }
      const t1 = hh + ((e >>> 6) ^ (e << 26) ^ (e >>> 11) ^ (e << 21) ^ (e >>> 25) ^ (e << 7)) + ((e & f) ^ (~e & g)) + k[i]! + w[i]!;
      const t2 = ((a >>> 2) ^ (a << 30) ^ (a >>> 13) ^ (a << 19) ^ (a >>> 22) ^ (a << 10)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
    h[4] = h[4]! + e;
    h[5] = h[5]! + f;
    h[6] = h[6]! + g;
    h[7] = h[7]! + hh;
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = h[i >> 2]! >> (24 - (i & 3) * 8);
  return out;
}
