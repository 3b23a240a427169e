// A Gfx that renders into a 128×64 pixel array (1 = dark), like the Pixl.js LCD, and records its calls.
import type { Gfx, MonoImage } from '../../../../firmware/src/core/display/index.ts';
import { scanModules } from '../qr/scan.ts';

export interface PixelGfx extends Gfx {
  pixels: Uint8Array;
  texts: string[];
  calls: string[];
}

export function pixelGfx(): PixelGfx {
  const pixels = new Uint8Array(128 * 64);
  const texts: string[] = [];
  const calls: string[] = [];
  return {
    pixels, texts, calls,
    clear() {
      pixels.fill(0);
      texts.splice(0);
      calls.push('clear');
    },
    drawString(text, x, y, scale) {
      texts.push(text);
      calls.push('text ' + x + ',' + y + ' x' + scale + ' ' + text);
      if (x < 0 || y < 0 || x + text.length * 6 * scale > 128 || y + 8 * scale > 64) throw new Error('off screen: ' + text);
    },
    drawImage(image: MonoImage, x, y, scale) {
      calls.push('image ' + x + ',' + y + ' ' + image.width + 'x' + image.height + ' x' + scale);
      const bits = new Uint8Array(image.buffer);
      for (let py = 0; py < image.height * scale; py++) {
        for (let px = 0; px < image.width * scale; px++) {
          const i = Math.floor(py / scale) * image.width + Math.floor(px / scale);
          if ((bits[i >> 3]! >> (7 - (i & 7))) & 1) pixels[(y + py) * 128 + x + px] = 1;
        }
      }
    },
    flip() {
      calls.push('flip');
    },
  };
}

/** Scans the right-hand 64×64 square of the screen as a QR symbol with jsQR; its text, or undefined. */
export function scanScreen(pixels: Uint8Array): string | undefined {
  // The square already holds the quiet zone: hand it over as a 64-module "symbol" with no further margin.
  const square = new Uint8Array(64 * 64);
  for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) square[y * 64 + x] = pixels[y * 128 + 64 + x]!;
  const bytes = scanModules(square, 64, 4);
  return bytes && new TextDecoder().decode(bytes);
}
