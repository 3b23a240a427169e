import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boards, BuildError, buildBoard, minifyForEspruino } from '../../../tools/build/index.ts';

const puck = boards[0]!;

const minify = suite('minifyForEspruino');

minify('shortens local names and keeps globals, offline', async () => {
  const { minified, pretokenised } = await minifyForEspruino('(function () { var banner = "x"; digitalWrite("D1", banner.length); })();', puck);
  assert.match(minified, /digitalWrite\('D1',\w\.length\)/);
  assert.not.match(minified, /banner/);
  assert.ok(pretokenised.length < minified.length);
});

minify('fails with one clear line when the minifier cannot parse its input', async () => {
  try {
    await minifyForEspruino('var x = ;', puck);
    assert.unreachable('should have thrown');
  } catch (err) {
    assert.instance(err, BuildError);
    assert.is((err as BuildError).code, 'minify_failed');
    assert.match((err as BuildError).message, /^espruino minify failed for puckjs: .*Unexpected token/);
    assert.not.match((err as BuildError).message, /\n/);
  }
});

minify.run();

const failing = suite('buildBoard with code Espruino cannot run');

failing('stops at the checker and lists each finding with its line', async () => {
  const out = await mkdtemp(join(tmpdir(), 'waygo-build-fail-'));
  const entry = fileURLToPath(new URL('./fixtures/uses-map.ts', import.meta.url));
  try {
    await buildBoard({ board: puck, entry, modules: [] }, out);
    assert.unreachable('should have thrown');
  } catch (err) {
    assert.instance(err, BuildError);
    const e = err as BuildError;
    assert.is(e.code, 'check_failed');
    assert.equal(e.findings.map((f) => f.rule).sort(), ['missing-global', 'missing-method', 'missing-static']);
    assert.ok(e.findings.every((f) => f.line > 0 && f.excerpt.length > 0));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

failing.run();
