// The pure-JS SHA-256 and AES-256-CBC on the real interpreter: espruino-entry.ts goes through the firmware
// pipeline (bundle, ES5 lowering, hoisting, checker, Espruino minify and pretokenise) and runs on the Linux build
// of Espruino named by $ESPRUINO, which checks the vectors and compares with the interpreter's native crypto.
// Skipped when ESPRUINO is unset (make test-espruino ESPRUINO=/path/to/espruino sets it).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, checkEs5, findBoard, hoistFunctions, lowerToEs5, minifyForEspruino } from '../../../tools/build/index.ts';

const entry = resolve(fileURLToPath(import.meta.url), '../espruino-entry.ts');
const espruino = process.env.ESPRUINO;

const test = suite('pure-JS crypto on Espruino');

(espruino ? test : test.skip)('passes the FIPS and SP 800-38A vectors and matches native SHA256 and AES on the interpreter', async () => {
  const es5 = hoistFunctions(lowerToEs5(await bundle(entry)));
  assert.equal(checkEs5(es5), []);
  const { pretokenised } = await minifyForEspruino(es5, findBoard('puckjs')!);
  const dir = mkdtempSync(join(tmpdir(), 'waygo-crypto-'));
  try {
    writeFileSync(join(dir, 'crypto.js'), pretokenised);
    const run = spawnSync(espruino!, ['crypto.js'], { cwd: dir, encoding: 'utf8', timeout: 120_000, input: '' });
    const summary = /crypto-espruino: (\d+) passed, (\d+) failed/.exec(run.stdout);
    assert.ok(summary, run.stdout + run.stderr);
    assert.is(summary![2], '0', run.stdout);
    assert.ok(Number(summary![1]) > 200);
    assert.match(run.stdout, /time sha256 64 B: js [\d.]+ ms/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
