import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS_FOLDER } from '../../../cloud/db/index.ts';
import { tempDir } from '../fixtures.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const dir = tempDir();
const test = suite('MIGRATIONS_FOLDER');
test.after(() => dir.remove());

test('holds the migrations of the current schema: drizzle-kit finds nothing left to generate', () => {
  const out = join(dir.path, 'migrations');
  cpSync(MIGRATIONS_FOLDER, out, { recursive: true });
  const before = readdirSync(out).sort();
  const config = join(dir.path, 'drizzle.config.mjs');
  // drizzle-kit resolves paths against the working directory, so the copy is named relative to the repository.
  writeFileSync(config, `export default ${JSON.stringify({ dialect: 'sqlite', schema: './cloud/db/schema/index.ts', out: relative(root, out) })};\n`);
  const output = execFileSync(join(root, 'node_modules/.bin/drizzle-kit'), ['generate', '--config', config], { cwd: root, encoding: 'utf8' });
  assert.match(output, /No schema changes/);
  assert.equal(readdirSync(out).sort(), before);
});

test.run();
