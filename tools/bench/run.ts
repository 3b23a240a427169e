// make bench: prints one table and writes bench-results.json. Each throughput figure names the baseline it is
// read against, measured in this same run, because the machines are shared and absolute figures drift.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCloud } from './cloud.ts';
import { benchE2e } from './e2e.ts';
import { benchEmv } from './emv.ts';
import { benchFirmwareSizes } from './firmware.ts';
import { benchFirmwareMemory } from './firmware-memory.ts';
import { benchProtocol } from './protocol.ts';
import type { BenchFigure } from './types.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');

function format(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}

function table(figures: BenchFigure[]): string {
  const rows = figures.map((f) => [
    f.key, format(f.value), f.unit, f.spread === undefined ? '' : `±${(f.spread * 100).toFixed(0)}%`, f.baseline ?? '',
  ]);
  const head = ['figure', 'value', 'unit', 'spread', 'read against'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const notes: string[] = [];
const figures = [
  ...benchEmv(), ...benchProtocol(), ...benchFirmwareSizes(root), ...(await benchFirmwareMemory(root, notes)), ...(await benchCloud()), ...(await benchE2e()),
];
console.log(table(figures));
for (const note of notes) console.log(note);
const results = Object.fromEntries(figures.map((f) => [f.key, f.value]));
writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
console.log('\nwrote bench-results.json');
