import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appendAudit } from '../../cloud/audit/index.ts';
import { openDatabase } from '../../cloud/db/index.ts';
import { main } from '../../tools/cli/main.ts';
import { auditCommand } from '../../tools/cli/audit/index.ts';
import { cloudCommand } from '../../tools/cli/cloud/index.ts';
import { dbCommand } from '../../tools/cli/db/index.ts';
import { migratedDatabase, tempDir } from '../cloud/fixtures.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const dir = tempDir();
const commands = [auditCommand, cloudCommand, dbCommand];

async function cli(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '', err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(args, { stdin: new PassThrough(), stdout, stderr }, commands);
  return { code, out, err };
}

function auditedDatabase(name: string, rows: number): string {
  const path = join(dir.path, name);
  const database = migratedDatabase(path);
  for (let i = 1; i <= rows; i++) {
    appendAudit(database.db, { actor: 'system', action: 'payment.finished', subjectType: 'payment', subjectId: `p${i}`, data: { amountMinor: i * 250 } });
  }
  database.close();
  return path;
}

function tamper(path: string, statement: string): void {
  const database = openDatabase(path);
  database.sqlite.prepare(statement).run();
  database.close();
}

const audit = suite('waygo audit');

audit('verifies an intact chain and prints its length and head', async () => {
  const r = await cli(['audit', 'verify', '--db', auditedDatabase('intact.sqlite', 4)]);
  assert.is(r.code, 0);
  assert.match(r.out, /^audit chain verified: 4 rows\nhead: [0-9a-f]{64}\n$/);
});

audit('names the row whose amount was changed and exits 1', async () => {
  const path = auditedDatabase('tampered.sqlite', 4);
  tamper(path, `update audit_log set data = '{"amountMinor":1}' where id = 2`);
  const r = await cli(['audit', 'verify', `--db=${path}`]);
  assert.is(r.code, 1);
  assert.is(r.out, 'audit chain broken at row 2: its hash does not match its contents (the row was altered) (1 rows before it verified)\n');
});

audit('names the row after a deleted one', async () => {
  const path = auditedDatabase('deleted.sqlite', 4);
  tamper(path, 'delete from audit_log where id = 2');
  const r = await cli(['audit', 'verify', '--db', path]);
  assert.is(r.code, 1);
  assert.match(r.out, /^audit chain broken at row 3: /);
});

audit('exits 2 with one line for bad arguments, a missing file or a database without an audit log', async () => {
  const empty = join(dir.path, 'empty.sqlite');
  openDatabase(empty).close();
  for (const args of [['audit'], ['audit', 'check'], ['audit', 'verify', '--db'], ['audit', 'verify', '--deb', 'x'], ['audit', 'verify', '--db', join(dir.path, 'none.sqlite')], ['audit', 'verify', '--db', empty]]) {
    const r = await cli(args);
    assert.is(r.code, 2, args.join(' '));
    assert.is(r.err.trim().split('\n').length, 1, args.join(' '));
    assert.match(r.err, /^waygo audit: /);
  }
});

audit.run();

const db = suite('waygo db');

db('creates a database and applies the migrations, then is a no-op', async () => {
  const path = join(dir.path, 'new', 'waygo.sqlite');
  assert.is((await cli(['db', 'migrate', '--db', path])).code, 0);
  const again = await cli(['db', 'migrate', '--db', path]);
  assert.is(again.out, `${path}: migrations applied\n`);
  assert.is((await cli(['audit', 'verify', '--db', path])).out.split('\n')[0], 'audit chain verified: 0 rows');
});

db('exits 2 for anything but migrate', async () => {
  assert.is((await cli(['db', 'drop'])).code, 2);
});

db.run();

const cloud = suite('waygo cloud');
cloud.after(() => dir.remove());

cloud('exits 2 naming each bad setting', async () => {
  const r = await cli(['cloud', 'start', '--port', 'http']);
  assert.is(r.code, 2);
  assert.match(r.err, /^waygo cloud: invalid configuration: --port must be a whole number from 0 to 65535 \(got "http"\)\n$/);
  assert.is((await cli(['cloud', 'stop'])).code, 2);
});

cloud('starts a real server, prints its URL, and stops cleanly on SIGTERM', async () => {
  const database = join(dir.path, 'served', 'waygo.sqlite');
  const child = spawn(process.execPath, [join(root, 'tools/bin/waygo.mjs'), 'cloud', 'start', '--port', '0', '--db', database], {
    cwd: root,
    env: { ...process.env, WAYGO_KEK: '', WAYGO_ENV: 'development', WAYGO_CONFIG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '', err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    child.stdout.on('data', (d) => {
      out += d;
      const found = /listening on (http:\/\/\S+)/.exec(out);
      if (found) done(found[1]!);
    });
    void exited.then(() => fail(new Error(`exited early: ${err}`)));
  });
  const res = await fetch(`${url}/v1/health`);
  assert.is(res.status, 200);
  child.kill('SIGTERM');
  assert.is(await exited, 0);
  assert.match(out, /stopped \(SIGTERM\)\n$/);
  assert.match(err, /warning: WAYGO_KEK is unset; sealing secrets with the development key in .*served\/dev-kek/);
});

cloud.run();
