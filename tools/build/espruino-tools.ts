import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BoardData } from '../../firmware/src/core/board.ts';
import { BuildError } from './errors.ts';
import { flattenBundle, markDrops, reserveGlobals } from './flatten.ts';
import { espruinoModules } from './targets.ts';

const cli = createRequire(import.meta.url).resolve('espruino/bin/espruino-cli.js');

// Lines the CLI prints on success. Anything else means trouble: its minifier catches its own parse errors,
// prints them and writes the input out unminified, still exiting 0.
const harmless = /^(Explicit board JSON supplied|Writing output to)/;

function run(args: string[], cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [cli, '-q', ...args], { cwd, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) return fail(err);
      done(`${stdout}\n${stderr}`);
    });
  });
}

function firstProblem(output: string): string | undefined {
  return output.split('\n').map((l) => l.trim()).find((l) => l !== '' && !harmless.test(l));
}

export interface EspruinoOutput {
  /** Esprima-minified source (local names shortened, globals kept), flattened out of its wrapper (flatten.ts). */
  minified: string;
  /** The minified source with keywords and operators as single-byte tokens: the bytes stored on the box. */
  pretokenised: Buffer;
}

/**
 * Minifies, then pretokenises, with the npm `espruino` CLI, fully offline: the board description is a local
 * file (naming the built-in modules) rather than one fetched from espruino.com. A boot bundle is flattened out of
 * its wrapper; a Storage module keeps it (its functions live only while it is loaded, and it uses no pin names).
 */
export async function minifyForEspruino(code: string, board: BoardData, kind: 'boot' | 'module' = 'boot'): Promise<EspruinoOutput> {
  const dir = await mkdtemp(join(tmpdir(), 'waygo-espruino-'));
  try {
    const boardJson = { BOARD: board.espruinoBoard, info: { builtin_modules: espruinoModules } };
    await writeFile(join(dir, 'board.json'), JSON.stringify(boardJson));
    await writeFile(join(dir, 'in.js'), kind === 'boot' ? reserveGlobals(markDrops(code)) : code);
    const steps: [string, string[]][] = [
      ['minify', ['-n', '--board', 'board.json', '-m', 'in.js', '-o', 'min.js']],
      ['pretokenise', ['-n', '--board', 'board.json', '--config', 'PRETOKENISE=1', 'min.js', '-o', 'tok.js']],
    ];
    for (const [step, args] of steps) {
      if (step === 'pretokenise' && kind === 'boot') await writeFile(join(dir, 'min.js'), flattenBundle(await readFile(join(dir, 'min.js'), 'latin1')), 'latin1');
      let output: string;
      try {
        output = await run(args, dir);
      } catch (err) {
        throw new BuildError('minify_failed', `espruino ${step} failed for ${board.id}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      }
      const problem = firstProblem(output);
      if (problem) throw new BuildError('minify_failed', `espruino ${step} failed for ${board.id}: ${problem.replace(/<br\/>/g, ' ')}`);
    }
    return { minified: await readFile(join(dir, 'min.js'), 'latin1'), pretokenised: await readFile(join(dir, 'tok.js')) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
