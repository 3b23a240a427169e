// The pin-map picture of one board: its pads where they physically are, each coloured and labelled with the
// role WayGo gives it. Generated from the same board data the firmware is built from, so picture and firmware
// cannot disagree.
import type { BoardData } from '../../firmware/src/core/board.ts';
import type { Edge, PhysicalLayout } from './layouts.ts';

const PAD = 34;
const MARGIN = 150;
const COLOURS: Record<string, string> = {
  output: '#d9480f', input: '#1971c2', uart: '#2f9e44', ground: '#212529', power: '#c92a2a', unused: '#adb5bd',
};

interface Role {
  kind: keyof typeof COLOURS;
  label: string;
}

export function roleOf(board: BoardData, pad: string): Role {
  const out = board.pins.outputs.indexOf(pad);
  if (out >= 0) return { kind: 'output', label: `OUT${out + 1}` };
  const input = board.pins.inputs.indexOf(pad);
  if (input >= 0) return { kind: 'input', label: `IN${input + 1}` };
  if (pad === board.pins.uart.tx) return { kind: 'uart', label: 'UART TX' };
  if (pad === board.pins.uart.rx) return { kind: 'uart', label: 'UART RX' };
  if (pad === 'GND') return { kind: 'ground', label: 'GND' };
  if (/^(3V|3\.3V?|5V|Vin)$/.test(pad)) return { kind: 'power', label: pad };
  return { kind: 'unused', label: '' };
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function pinMapSvg(board: BoardData, layout: PhysicalLayout): string {
  const count = (edge: Edge) => layout.edges[edge]?.length ?? 0;
  const w = Math.max(count('top'), count('bottom'), 6) * PAD + 40;
  const h = Math.max(count('left'), count('right'), 4) * PAD + 40;
  const width = Math.max(w + 2 * MARGIN, 680);
  const height = h + 2 * MARGIN + 60;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escape(layout.title)} pin map</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${escape(layout.title)}</text>`,
    `<rect x="${MARGIN}" y="${MARGIN}" width="${w}" height="${h}" rx="12" fill="#f1f3f5" stroke="#495057" stroke-width="2"/>`,
  ];
  (Object.keys(layout.edges) as Edge[]).forEach((edge) => {
    const pads = layout.edges[edge]!;
    const horizontal = edge === 'top' || edge === 'bottom';
    pads.forEach((pad, i) => {
      if (pad === '') return;
      const along = 20 + i * PAD + PAD / 2;
      const x = horizontal ? MARGIN + along : edge === 'left' ? MARGIN : MARGIN + w;
      const y = horizontal ? (edge === 'top' ? MARGIN : MARGIN + h) : MARGIN + along;
      const role = roleOf(board, pad);
      parts.push(`<circle cx="${x}" cy="${y}" r="9" fill="${COLOURS[role.kind]}"><title>${escape(pad)}</title></circle>`);
      const inward = { top: [0, 26], bottom: [0, -18], left: [16, 4], right: [-16, 4] }[edge];
      const anchorIn = edge === 'left' ? 'start' : edge === 'right' ? 'end' : 'middle';
      parts.push(`<text x="${x + inward[0]!}" y="${y + inward[1]!}" text-anchor="${anchorIn}" font-size="10">${escape(pad)}</text>`);
      if (role.label !== '' && role.kind !== 'ground' && role.kind !== 'power') {
        const outward = { top: [0, -16], bottom: [-4, 18], left: [-16, 4], right: [16, 4] }[edge];
        const anchorOut = edge === 'left' ? 'end' : edge === 'right' ? 'start' : 'middle';
        const lx = x + outward[0]!;
        const ly = y + outward[1]!;
        const rotate = horizontal ? ` transform="rotate(${edge === 'top' ? -45 : 45} ${lx} ${ly})"` : '';
        parts.push(`<text x="${lx}" y="${ly}" text-anchor="${horizontal ? 'start' : anchorOut}" font-weight="bold" fill="${COLOURS[role.kind]}"${rotate}>${escape(role.label)}</text>`);
      }
    });
  });
  const legend = ['output', 'input', 'uart', 'ground', 'power', 'unused'];
  legend.forEach((kind, i) => {
    const x = 20 + i * 110;
    parts.push(`<circle cx="${x}" cy="${height - 40}" r="7" fill="${COLOURS[kind]}"/>`);
    parts.push(`<text x="${x + 12}" y="${height - 36}">${kind}</text>`);
  });
  parts.push(`<text x="20" y="${height - 12}" font-size="11" fill="#495057">${escape(layout.note)}</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
