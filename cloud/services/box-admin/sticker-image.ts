// The sticker drawn from its payload: SVG with the QR and the words a person reads (merchant, machine, box id),
// and PNG with the QR alone (text in a PNG would need a font rasterizer; the SVG is the one to print).
import QRCode from 'qrcode';
import type { Sticker } from './sticker.ts';

/** Pixels per QR module and the quiet zone in modules (ISO/IEC 18004 asks for 4). */
const SCALE = 8;
const QUIET = 4;
const LINE = 28;

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function stickerSvg(sticker: Sticker): string {
  const { modules } = QRCode.create(sticker.payload, { errorCorrectionLevel: 'M' });
  const side = (modules.size + 2 * QUIET) * SCALE;
  let path = '';
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) path += `M${(x + QUIET) * SCALE} ${(y + QUIET) * SCALE}h${SCALE}v${SCALE}h-${SCALE}z`;
  }
  const lines = [sticker.merchantName, sticker.machineName ?? '', `Box ${sticker.boxId.toUpperCase()}`].filter((l) => l !== '');
  const height = side + lines.length * LINE + SCALE * 2;
  const text = lines.map((l, i) => `<text x="${side / 2}" y="${side + (i + 1) * LINE}" text-anchor="middle" font-family="sans-serif" font-size="${i === 0 ? 22 : 18}">${escapeXml(l)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${height}" viewBox="0 0 ${side} ${height}">` +
    `<rect width="100%" height="100%" fill="#fff"/><path fill="#000" d="${path}"/>${text}</svg>`;
}

export function stickerPng(sticker: Sticker): Promise<Buffer> {
  return QRCode.toBuffer(sticker.payload, { type: 'png', errorCorrectionLevel: 'M', margin: QUIET, scale: SCALE });
}
