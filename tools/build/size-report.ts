/** One Storage module of a board's build (build/<board>/modules/<name>.min.js). */
export interface ModuleSize {
  /** The Storage file name the boot bundle requires. */
  name: string;
  pretokenisedBytes: number;
}

/** What `build/<board>/size.json` holds; the benchmarks read it. */
export interface SizeReport {
  board: string;
  /** firmware.js: the readable ES5 bundle. */
  rawBytes: number;
  minifiedBytes: number;
  /** firmware.min.js: what is saved to the box. */
  pretokenisedBytes: number;
  /** The board's Storage modules, loaded only when needed. */
  modules: ModuleSize[];
  /** The boot bundle and the modules: all the code the build puts in Storage. */
  codeBytes: number;
  /** The board's Storage, shared by code, log and keys. */
  storageBytes: number;
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

/** A fixed-width table, one row per board. */
export function formatSizeTable(reports: SizeReport[]): string {
  const header = ['board', 'raw B', 'minified B', 'pretokenised B', 'code B', 'storage B', 'of storage'];
  const rows = reports.map((r) => [
    r.board, String(r.rawBytes), String(r.minifiedBytes), String(r.pretokenisedBytes), String(r.codeBytes), String(r.storageBytes),
    percent(r.codeBytes, r.storageBytes),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
