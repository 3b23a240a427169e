import { encodeQr, type QrCode } from '../qr/index.ts';
import type { MonoImage } from './types.ts';

/** The symbol as a 1-bit image, one pixel per module (the LCD scales it), dark modules set. */
export function qrImage(code: QrCode): MonoImage {
  const n = code.size;
  const bits = new Uint8Array((n * n + 7) >> 3);
  for (let i = 0; i < n * n; i++) if (code.modules[i]) bits[i >> 3] = bits[i >> 3]! | (128 >> (i & 7));
  return { width: n, height: n, bpp: 1, buffer: bits.buffer };
}

/** The QR module's one job (QrModule): payload bytes to the image of their symbol, undefined when too long. */
export function payloadImage(bytes: Uint8Array): MonoImage | undefined {
  const code = encodeQr(bytes);
  return code ? qrImage(code) : undefined;
}
