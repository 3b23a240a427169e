// Writes docs/wiring/<board>.svg from the board data (or, with --check, fails when a committed picture is stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boards } from '../build/targets.ts';
import { layouts } from './layouts.ts';
import { pinMapSvg } from './pin-map-svg.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const check = process.argv.includes('--check');
let stale = 0;
for (const board of boards) {
  const file = join(root, 'docs', 'wiring', `${board.id}.svg`);
  const svg = pinMapSvg(board, layouts[board.id]!);
  if (!check) writeFileSync(file, svg);
  else if (readFileSync(file, 'utf8') !== svg) {
    console.error(`docs/wiring/${board.id}.svg is stale: run node --import tsx tools/wiring/generate.ts`);
    stale++;
  }
}
process.exitCode = stale === 0 ? 0 : 1;
