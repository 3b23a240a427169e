// Reads a module matrix back with jsQR, an independent decoder: the matrix becomes an RGBA image with a
// four-module quiet zone, `scale` pixels per module.
import jsQRModule from 'jsqr';

// jsqr is CommonJS: Node hands the function over as the default import, while its typings nest it in `default`.
const jsQR = jsQRModule.default;

export function scanModules(modules: Uint8Array, size: number, scale = 4): Uint8Array | undefined {
  const side = (size + 8) * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - 4;
      const my = Math.floor(y / scale) - 4;
      if (mx >= 0 && my >= 0 && mx < size && my < size && modules[my * size + mx]) {
        rgba.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
      }
    }
  }
  const found = jsQR(rgba, side, side, { inversionAttempts: 'dontInvert' });
  return found ? Uint8Array.from(found.binaryData) : undefined;
}
