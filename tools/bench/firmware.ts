import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { boards } from '../build/index.ts';
import type { SizeReport } from '../build/index.ts';
import type { BenchFigure } from './types.ts';

/** Bundle sizes come from the build's own report (make bench builds every board first). */
export function benchFirmwareSizes(root: string): BenchFigure[] {
  return boards.flatMap((board) => {
    const report = JSON.parse(readFileSync(join(root, 'build', board.id, 'size.json'), 'utf8')) as SizeReport;
    return [
      { key: `firmware.${board.id}.raw_bytes`, value: report.rawBytes, unit: 'B' },
      { key: `firmware.${board.id}.bundle_bytes`, value: report.pretokenisedBytes, unit: 'B', baseline: `firmware.${board.id}.storage_bytes` },
      { key: `firmware.${board.id}.storage_bytes`, value: report.storageBytes, unit: 'B' },
    ];
  });
}
