import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { build } from 'esbuild';
import { builtinModules } from 'node:module';

// The SDK must build for a browser: esbuild bundles sdk/index.ts for platform 'browser' and any Node built-in
// reaching the bundle (statically imported anywhere in its graph) fails the build or this check.
const bundle = suite('sdk browser bundle');
const nodeNames = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

bundle('sdk/index.ts bundles for the browser with no Node built-in in its import graph', async () => {
  const result = await build({
    entryPoints: ['sdk/index.ts'], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent',
  });
  const imported = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
  assert.equal(imported.filter((path) => nodeNames.has(path)), [], 'no Node import');
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(inputs.every((path) => !path.startsWith('cloud/') && !path.startsWith('tools/')), 'no cloud or tools code');
  assert.ok(result.outputFiles[0]!.text.length > 1000);
});

bundle('a Node import in the graph is caught (the check itself works)', async () => {
  const result = await build({
    stdin: { contents: "import { createHash } from 'node:crypto'; export const h = createHash;", resolveDir: '.', loader: 'ts' },
    bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent', external: ['node:*'],
  });
  const imported = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
  assert.ok(imported.some((path) => nodeNames.has(path)));
});

bundle.run();
