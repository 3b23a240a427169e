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

(espruino ? test : test.skip)('passes every golden vector on the Espruino interpreter with native crypto', () => {
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
