import type { Gfx, MonoImage } from '../../core/display/types.ts';
import type { TextDisplay } from '../../core/io.ts';

const lineHeight = 8;

/** The parts of Espruino's Graphics used here beyond those espruino.d.ts declares for `g`. */
interface Graphics {
  clear(): void;
  setFont(name: string, scale: number): void;
  drawString(text: string, x: number, y: number): void;
  drawImage(image: MonoImage, x: number, y: number, options: { scale: number }): void;
  flip(): void;
}

/**
 * The Pixl.js LCD through the global Graphics `g`: boot text lines in the built-in 6×8 font, and the Gfx the
 * display screens draw on. A QR symbol arrives as one 1-bit image, so it costs one native drawImage call rather
 * than a setPixel call per module.
 */
export class Lcd implements TextDisplay, Gfx {
  private readonly g = g as unknown as Graphics;

  show(lines: string[]): void {
    this.g.clear();
    for (let i = 0; i < lines.length; i++) this.g.drawString(lines[i]!, 0, i * lineHeight);
    this.g.flip();
  }

  clear(): void {
    this.g.clear();
  }

  // The font goes back to 6×8 at scale 1 after large text, so show() and later text need not set it.
  drawString(text: string, x: number, y: number, scale: number): void {
    if (scale !== 1) this.g.setFont('6x8', scale);
    this.g.drawString(text, x, y);
    if (scale !== 1) this.g.setFont('6x8', 1);
  }

  drawImage(image: MonoImage, x: number, y: number, scale: number): void {
    this.g.drawImage(image, x, y, { scale });
  }

  flip(): void {
    this.g.flip();
  }
}
