import type { TextDisplay } from '../../core/io.ts';

const lineHeight = 8;

/** The Pixl.js LCD through the global Graphics `g`, in the built-in 6×8 font. */
export class Lcd implements TextDisplay {
  show(lines: string[]): void {
    g.clear();
    for (let i = 0; i < lines.length; i++) g.drawString(lines[i]!, 0, i * lineHeight);
    g.flip();
  }
}
