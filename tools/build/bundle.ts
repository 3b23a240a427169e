import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { BuildError } from './errors.ts';
import { espruinoModules } from './targets.ts';

// esbuild's per-module comments name paths relative to this; fixing it keeps the output the same from any cwd.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * One file for the board entry, still ES2022: esbuild resolves imports and tree-shakes but lowers nothing,
 * so TypeScript's ES5 helpers (which run on Espruino) are the only ones in the output. Format "cjs" inside
 * a hand-written function wrapper keeps `require("Storage")` a plain call; esbuild's "iife" format would
 * route it through a `__require` shim that needs Proxy. The wrapper keeps names local, which lets the
 * minifier shorten them.
 */
export async function bundle(entry: string): Promise<string> {
  try {
    const result = await build({
      entryPoints: [entry],
      absWorkingDir: repoRoot,
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      target: 'es2022',
      treeShaking: true,
      charset: 'ascii',
      legalComments: 'none',
      external: [...espruinoModules],
      banner: { js: '(function () {' },
      footer: { js: '})();' },
      logLevel: 'silent',
      // Espruino has no strict mode; the root tsconfig's `strict` would add a "use strict" that only costs flash.
      tsconfigRaw: { compilerOptions: { alwaysStrict: false, verbatimModuleSyntax: true } },
    });
    return result.outputFiles[0]!.text;
  } catch (err) {
    const first = (err as { errors?: { text: string; location?: { file: string; line: number; column: number } }[] }).errors?.[0];
    const where = first?.location ? `${first.location.file}:${first.location.line}:${first.location.column + 1}: ` : '';
    throw new BuildError('bundle_failed', `bundling failed: ${where}${first?.text ?? String(err)}`);
  }
}
