// HMAC (RFC 2104) over a bare SHA-256: Espruino ships SHA256 but no HMAC, so the box builds it from the hash.
const BLOCK = 64;

export function hmacFromSha256(sha256: (data: Uint8Array) => Uint8Array): (key: Uint8Array, data: Uint8Array) => Uint8Array {
  return function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
    const padded = new Uint8Array(BLOCK);
    padded.set(key.length > BLOCK ? sha256(key) : key);
    const inner = new Uint8Array(BLOCK + data.length);
    const outer = new Uint8Array(BLOCK + 32);
    for (let i = 0; i < BLOCK; i++) {
      inner[i] = padded[i]! ^ 0x36;
      outer[i] = padded[i]! ^ 0x5c;
    }
    inner.set(data, BLOCK);
    outer.set(sha256(inner), BLOCK);
    return sha256(outer);
  };
}
