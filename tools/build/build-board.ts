import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundle } from './bundle.ts';
import { BuildError } from './errors.ts';
import { dropBootFunctions } from './drop-boot-functions.ts';
import { checkEs5 } from './es5-check/index.ts';
import { minifyForEspruino } from './espruino-tools.ts';
import { hoistFunctions } from './hoist-functions.ts';
import { inlineConstants } from './inline-constants.ts';
import { lowerToEs5 } from './lower.ts';
import type { SizeReport } from './size-report.ts';
import type { BuildTarget } from './targets.ts';

export interface BoardBuild {
  report: SizeReport;
  dir: string;
}

/**
 * entry → esbuild bundle → TypeScript ES5 → constants inlined → function declarations hoisted → boot-only functions
 * deleted after boot → checker → Espruino minify, flatten and pretokenise (the minified output is checked again). Writes firmware.js, firmware.min.js and size.json
 * into `<outRoot>/<board>/`.
 */
export async function buildBoard(target: BuildTarget, outRoot: string): Promise<BoardBuild> {
  const dir = join(outRoot, target.board.id);
  await mkdir(dir, { recursive: true });
  const es5 = dropBootFunctions(hoistFunctions(inlineConstants(lowerToEs5(await bundle(target.entry)))));
  const rawFile = join(dir, 'firmware.js');
  await writeFile(rawFile, es5);
  const findings = checkEs5(es5);
  if (findings.length > 0) {
    throw new BuildError('check_failed', `${findings.length} Espruino check finding(s) in ${rawFile}`, findings, rawFile);
  }
  const { minified, pretokenised } = await minifyForEspruino(es5, target.board);
  const minifiedFindings = checkEs5(minified);
  if (minifiedFindings.length > 0) {
    throw new BuildError('check_failed', `${minifiedFindings.length} Espruino check finding(s) in the minified ${target.board.id} bundle`, minifiedFindings, `${target.board.id} minified`);
  }
  await writeFile(join(dir, 'firmware.min.js'), pretokenised);
  const report: SizeReport = {
    board: target.board.id,
    rawBytes: Buffer.byteLength(es5),
    minifiedBytes: Buffer.byteLength(minified, 'latin1'),
    pretokenisedBytes: pretokenised.length,
    storageBytes: target.board.storageBytes,
  };
  await writeFile(join(dir, 'size.json'), `${JSON.stringify(report, null, 2)}\n`);
  return { report, dir };
}
