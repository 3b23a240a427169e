// Runs every *.test.ts under test/ with uvu, split over the machine's cores, and closes with the one
// summary line CI reads: "N passed, N failed, N skipped".
// Usage: node --import tsx test/run.ts [path-filter ...]
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const shardScript = join(root, 'test/shard.ts');

function findTests(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'node_modules' ? [] : findTests(path);
    return entry.endsWith('.test.ts') ? [path] : [];
  });
}

interface Totals { total: number; passed: number; skipped: number; code: number; output: string }

function runShard(files: string[]): Promise<Totals> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', shardScript, ...files], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      const num = (label: string) => Number(/\s(\d+)\s*$/.exec(output.split(`${label}:`).at(-1)?.split('\n')[0] ?? '')?.[1] ?? 0);
      const found = output.includes('Total:');
      done({ total: num('Total'), passed: num('Passed'), skipped: num('Skipped'), code: found ? code ?? 1 : 1, output });
    });
  });
}

const filters = process.argv.slice(2);
const files = findTests(join(root, 'test'))
  .filter((f) => filters.length === 0 || filters.some((p) => relative(root, f).includes(p)))
  .sort();
if (files.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`);
  process.exit(1);
}

// Heavy files first so that shards finish at about the same time.
const shards: string[][] = Array.from({ length: Math.min(availableParallelism(), files.length) }, () => []);
files
  .map((f) => ({ f, size: statSync(f).size }))
  .sort((a, b) => b.size - a.size)
  .forEach(({ f }, i) => shards[i % shards.length]!.push(f));

const results = await Promise.all(shards.map(runShard));
let passed = 0, failed = 0, skipped = 0, code = 0;
for (const r of results) {
  process.stdout.write(r.output);
  passed += r.passed;
  failed += r.total - r.passed;
  skipped += r.skipped;
  if (r.code !== 0) code = 1;
}
if (code !== 0 && failed === 0) failed = 1; // a shard that crashed before counting still fails the run
if (!process.env.ESPRUINO) console.log('\nESPRUINO is unset: the tests on the Espruino interpreter are skipped (make test-espruino ESPRUINO=…).');
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = code;
