// Big-endian unsigned integers of 1, 2 or 4 bytes. Arithmetic rather than shifts for the top byte so a uint32
// never turns negative (JS bit operators work on signed 32-bit values, on Espruino as in Node).

export function readUint(bytes: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + bytes[at + i]!;
  return value;
}

export function writeUint(bytes: Uint8Array, at: number, size: number, value: number): void {
  let rest = value;
  for (let i = size - 1; i >= 0; i--) {
    bytes[at + i] = rest & 255;
    rest = Math.floor(rest / 256);
  }
}
