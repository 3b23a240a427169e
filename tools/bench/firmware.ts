import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { logCapacity } from '../../firmware/src/core/log/index.ts';
import { boards } from '../build/index.ts';
import type { SizeReport } from '../build/index.ts';
import type { BenchFigure } from './types.ts';

/**
 * Bundle sizes (the boot bundle, and all code: the bundle and its Storage modules) come from the build's own report (make bench builds every board first); the log capacity is what
 * the box itself computes at boot beside that much code (a log needs two segments, so below that it is 0).
 */
export function benchFirmwareSizes(root: string): BenchFigure[] {
  return boards.flatMap((board) => {
    const report = JSON.parse(readFileSync(join(root, 'build', board.id, 'size.json'), 'utf8')) as SizeReport;
    return [
      { key: `firmware.${board.id}.raw_bytes`, value: report.rawBytes, unit: 'B' },
      { key: `firmware.${board.id}.bundle_bytes`, value: report.pretokenisedBytes, unit: 'B', baseline: `firmware.${board.id}.storage_bytes` },
      { key: `firmware.${board.id}.code_bytes`, value: report.codeBytes, unit: 'B', baseline: `firmware.${board.id}.storage_bytes` },
      { key: `firmware.${board.id}.storage_bytes`, value: report.storageBytes, unit: 'B' },
      { key: `firmware.${board.id}.log_capacity_records`, value: capacityBeside(report), unit: 'records' },
    ];
  });
}

function capacityBeside(report: SizeReport): number {
  const capacity = logCapacity(report.storageBytes, report.codeBytes);
  return capacity.segments < 2 ? 0 : capacity.records;
}
