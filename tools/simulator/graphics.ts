import { toHostBytes } from './realm.ts';

export const LCD_WIDTH = 128;
export const LCD_HEIGHT = 64;

/** Text drawn with drawString: fonts are not rasterised, so text is kept as runs at their positions. */
export interface TextRun {
  x: number;
  y: number;
  text: string;
  font: string;
}

export interface Lcd {
  /** The global `g` for one boot (Pixl.js only). */
  object(): Record<string, unknown>;
  /** What flip() last sent to the panel: pixels as 64 lines of '#' (set) and '.' (clear). */
  screen(): string;
  /** Text runs on the panel at the last flip(), top to bottom then left to right. */
  text(): TextRun[];
  flips(): number;
}

/**
 * Pixl.js's 128×64 1-bit Graphics `g`: drawing goes to an off-screen buffer and reaches the panel on flip(), as on
 * the device. Methods return `g` so calls chain. Pixel operations are exact; drawString keeps text as runs.
 */
export function createLcd(): Lcd {
  let pixels = new Uint8Array(LCD_WIDTH * LCD_HEIGHT);
  let runs: TextRun[] = [];
  let shownPixels = new Uint8Array(LCD_WIDTH * LCD_HEIGHT);
  let shownRuns: TextRun[] = [];
  let flips = 0;

  function lcd(): Record<string, unknown> {
    let color = 1;
    let font = '4x6';
    const set = (x: number, y: number, c: number) => {
      x = Math.floor(x);
      y = Math.floor(y);
      if (x >= 0 && y >= 0 && x < LCD_WIDTH && y < LCD_HEIGHT) pixels[y * LCD_WIDTH + x] = c ? 1 : 0;
    };
    const fill = (x1: number, y1: number, x2: number, y2: number, c: number) => {
      for (let y = Math.min(y1, y2); y <= Math.max(y1, y2); y++) for (let x = Math.min(x1, x2); x <= Math.max(x1, x2); x++) set(x, y, c);
      runs = runs.filter((r) => !(c === 0 && r.x >= Math.min(x1, x2) && r.x <= Math.max(x1, x2) && r.y >= Math.min(y1, y2) && r.y <= Math.max(y1, y2)));
    };
    const charWidth = () => (font.startsWith('6x8') ? 6 : 4);
    const g: Record<string, unknown> = {
      getWidth: () => LCD_WIDTH,
      getHeight: () => LCD_HEIGHT,
      clear: () => {
        pixels = new Uint8Array(LCD_WIDTH * LCD_HEIGHT);
        runs = [];
        return g;
      },
      setColor: (c: unknown) => ((color = Number(c) ? 1 : 0), g),
      setBgColor: () => g,
      setFont: (name: unknown, scale: unknown) => ((font = String(name) + (scale === undefined ? '' : ':' + String(scale))), g),
      setFontAlign: () => g,
      stringWidth: (text: unknown) => String(text).length * charWidth(),
      setPixel: (x: number, y: number, c: unknown) => (set(x, y, c === undefined ? color : Number(c)), g),
      getPixel: (x: number, y: number) => pixels[Math.floor(y) * LCD_WIDTH + Math.floor(x)] ?? 0,
      fillRect: (x1: number, y1: number, x2: number, y2: number) => (fill(x1, y1, x2, y2, color), g),
      clearRect: (x1: number, y1: number, x2: number, y2: number) => (fill(x1, y1, x2, y2, 0), g),
      drawRect: (x1: number, y1: number, x2: number, y2: number) => {
        fill(x1, y1, x2, y1, color);
        fill(x1, y2, x2, y2, color);
        fill(x1, y1, x1, y2, color);
        fill(x2, y1, x2, y2, color);
        return g;
      },
      drawLine: (x1: number, y1: number, x2: number, y2: number) => {
        const steps = Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1), 1);
        for (let i = 0; i <= steps; i++) set(Math.round(x1 + ((x2 - x1) * i) / steps), Math.round(y1 + ((y2 - y1) * i) / steps), color);
        return g;
      },
      drawString: (text: unknown, x: number, y: number) => (runs.push({ x: x | 0, y: y | 0, text: String(text), font }), g),
      drawImage: (image: unknown, x: number, y: number) => {
        // An image object {width, height, bpp 1, buffer}: rows packed MSB first, as Espruino's images are.
        const img = image as { width: number; height: number; bpp?: number; buffer: unknown; transparent?: number };
        const bytes = toHostBytes(img.buffer);
        if (bytes === undefined || (img.bpp !== undefined && img.bpp !== 1)) throw new TypeError('drawImage: only 1 bpp images are simulated');
        for (let i = 0; i < img.width * img.height; i++) {
          const bit = (bytes[i >> 3]! >> (7 - (i & 7))) & 1;
          if (img.transparent === undefined || bit !== img.transparent) set(x + (i % img.width), y + Math.floor(i / img.width), bit ? color : 0);
        }
        return g;
      },
      flip: () => {
        shownPixels = pixels.slice();
        shownRuns = runs.slice();
        flips++;
        return g;
      },
    };
    return g;
  }

  return {
    object: lcd,
    screen() {
      const lines: string[] = [];
      for (let y = 0; y < LCD_HEIGHT; y++) {
        let line = '';
        for (let x = 0; x < LCD_WIDTH; x++) line += shownPixels[y * LCD_WIDTH + x] ? '#' : '.';
        lines.push(line);
      }
      return lines.join('\n');
    },
    text: () => shownRuns.slice().sort((a, b) => a.y - b.y || a.x - b.x),
    flips: () => flips,
  };
}
