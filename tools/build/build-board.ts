import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BoardData } from '../../firmware/src/core/board.ts';
import { bundle } from './bundle.ts';
import { BuildError } from './errors.ts';
import { dropBootFunctions } from './drop-boot-functions.ts';
import { checkEs5 } from './es5-check/index.ts';
import { minifyForEspruino, type EspruinoOutput } from './espruino-tools.ts';
import { hoistFunctions } from './hoist-functions.ts';
import { inlineConstants } from './inline-constants.ts';
import { lowerToEs5 } from './lower.ts';
import type { ModuleSize, SizeReport } from './size-report.ts';
import type { BuildTarget } from './targets.ts';

export interface BoardBuild {
  report: SizeReport;
  dir: string;
}

/** Writes the readable ES5 to `rawFile`, checks it, minifies and pretokenises it, and checks the minified code. */
async function checkedMinify(es5: string, rawFile: string, board: BoardData, kind: 'boot' | 'module', what: string): Promise<EspruinoOutput> {
  await writeFile(rawFile, es5);
  const findings = checkEs5(es5);
  if (findings.length > 0) {
    throw new BuildError('check_failed', `${findings.length} Espruino check finding(s) in ${rawFile}`, findings, rawFile);
  }
  const output = await minifyForEspruino(es5, board, kind);
  const minifiedFindings = checkEs5(output.minified);
  if (minifiedFindings.length > 0) {
    throw new BuildError('check_failed', `${minifiedFindings.length} Espruino check finding(s) in the minified ${what}`, minifiedFindings, `${what} minified`);
  }
  return output;
}

/**
 * entry → esbuild bundle → TypeScript ES5 → constants inlined → function declarations hoisted → boot-only functions
 * deleted after boot → checker → Espruino minify, flatten and pretokenise (the minified output is checked again). Writes firmware.js, firmware.min.js and size.json
 * into `<outRoot>/<board>/`. Each of the board's Storage modules goes the same way without the boot-only deletes
 * and the flattening, to `modules/<name>.js` (readable) and `modules/<name>.min.js` (the stored bytes).
 */
export async function buildBoard(target: BuildTarget, outRoot: string): Promise<BoardBuild> {
  const board = target.board;
  const dir = join(outRoot, board.id);
  // A module dropped from the board's list must not linger in the folder boardFiles flashes from.
  await rm(join(dir, 'modules'), { recursive: true, force: true });
  await mkdir(join(dir, 'modules'), { recursive: true });
  const es5 = dropBootFunctions(hoistFunctions(inlineConstants(lowerToEs5(await bundle(target.entry)))));
  const { minified, pretokenised } = await checkedMinify(es5, join(dir, 'firmware.js'), board, 'boot', `${board.id} bundle`);
  await writeFile(join(dir, 'firmware.min.js'), pretokenised);
  const modules: ModuleSize[] = [];
  for (const module of target.modules) {
    const moduleEs5 = hoistFunctions(inlineConstants(lowerToEs5(await bundle(module.entry))));
    const output = await checkedMinify(moduleEs5, join(dir, 'modules', `${module.name}.js`), board, 'module', `${board.id} ${module.name}`);
    await writeFile(join(dir, 'modules', `${module.name}.min.js`), output.pretokenised);
    modules.push({ name: module.name, pretokenisedBytes: output.pretokenised.length });
  }
  const report: SizeReport = {
    board: board.id,
    rawBytes: Buffer.byteLength(es5),
    minifiedBytes: Buffer.byteLength(minified, 'latin1'),
    pretokenisedBytes: pretokenised.length,
    modules,
    codeBytes: modules.reduce((sum, m) => sum + m.pretokenisedBytes, pretokenised.length),
    storageBytes: board.storageBytes,
  };
  await writeFile(join(dir, 'size.json'), `${JSON.stringify(report, null, 2)}\n`);
  return { report, dir };
}
