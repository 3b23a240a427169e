import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');

function waygo(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', join(root, 'tools/bin/waygo.mjs'), ...args], { cwd: root }, (err, stdout, stderr) => {
      done({ code: err ? Number(err.code) : 0, stdout, stderr });
    });
  });
}

const command = suite('waygo build');

command('an unknown board exits 2 with one line naming the boards', async () => {
  const r = await waygo(['build', '--board', 'arduino']);
  assert.is(r.code, 2);
  assert.is(r.stderr, 'waygo build: unknown board "arduino" (puckjs, pixljs, mdbt42q or all)\n');
});

command('a missing --board exits 2 with one line', async () => {
  const r = await waygo(['build']);
  assert.is(r.code, 2);
  assert.is(r.stderr.trimEnd().split('\n').length, 1);
});

command('builds one board into --out and prints its size row', async () => {
  const out = await mkdtemp(join(tmpdir(), 'waygo-cli-build-'));
  try {
    const r = await waygo(['build', '--board', 'mdbt42q', '--out', out]);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /^board\s+raw B/);
    assert.match(r.stdout, /\nmdbt42q\s+\d+\s+\d+\s+\d+\s+\d+\s+40960\s+\d+\.\d%\n$/);
    const size = JSON.parse(await readFile(join(out, 'mdbt42q', 'size.json'), 'utf8'));
    assert.is(size.board, 'mdbt42q');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

command.run();
