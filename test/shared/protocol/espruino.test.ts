// The box-side protocol code on the real interpreter: bundles espruino-entry.ts, lowers it to ES5 with the
// pinned TypeScript (as the firmware build does), and runs it on the Linux build of Espruino named by $ESPRUINO.
// Skipped when ESPRUINO is unset (make test-espruino ESPRUINO=/path/to/espruino sets it).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildSync } from 'esbuild';
import ts from 'typescript';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = resolve(fileURLToPath(import.meta.url), '..');
const vectorsDir = resolve(here, '../../vectors');
const espruino = process.env.ESPRUINO;

function bundle(): string {
  const load = (name: string) => JSON.parse(readFileSync(join(vectorsDir, name), 'utf8'));
  const vectors = {
    keys: load('keys.json'), telegrams: load('telegrams.json'), negative: load('telegrams-negative.json'),
    messages: load('messages.json'), proofs: load('proofs.json'), framing: load('framing.json'),
  };
  const built = buildSync({ entryPoints: [join(here, 'espruino-entry.ts')], bundle: true, format: 'iife', target: 'es2017', write: false });
  const es5 = ts.transpileModule(built.outputFiles[0]!.text, { compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.None } });
  return 'var VECTORS = ' + JSON.stringify(vectors) + ';\n' + es5.outputText;
}

const test = suite('shared protocol on Espruino');

/**
 * JsVars of the interpreter at $ESPRUINO. This test sends the readable (unminified) protocol code and every
 * vector as one source, which needs more RAM than a Puck.js has; the firmware's own interpreter tests cover
 * the boards' sizes with the minified bundles.
 */
function interpreterJsVars(): number {
  const run = spawnSync(espruino!, ['-e', 'print("jsvars "+process.memory().total)'], { encoding: 'utf8', timeout: 30_000 });
  return Number(/jsvars (\d+)/.exec(run.stdout)?.[1] ?? 0);
}
const MIN_JSVARS = 4000;
const runnable = espruino !== undefined && interpreterJsVars() >= MIN_JSVARS;
if (espruino !== undefined && !runnable) console.log(`$ESPRUINO has fewer than ${MIN_JSVARS} JsVars: the golden-vector run on the interpreter is skipped (use a full-size build).`);

(runnable ? test : test.skip)('passes every golden vector on the Espruino interpreter with native crypto', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waygo-espruino-'));
  try {
    writeFileSync(join(dir, 'vectors.js'), bundle());
    const run = spawnSync(espruino!, ['vectors.js'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    const summary = /espruino: (\d+) passed, (\d+) failed/.exec(run.stdout);
    assert.ok(summary, run.stdout + run.stderr);
    assert.is(summary![2], '0', run.stdout);
    assert.ok(Number(summary![1]) > 100);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
