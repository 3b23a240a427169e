import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { openDatabase } from '../../../cloud/db/open.ts';
import { verifyAuditChain } from '../../../cloud/audit/index.ts';
import { main } from '../../../tools/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'waygo-account-'));
const path = join(dir, 'cloud.sqlite');
const PASSWORD = 'correct horse battery staple';

function run(args: string[], input: string) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '', err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  stdin.end(input);
  return main(['account', ...args], { stdin, stdout, stderr }).then((code) => ({ code, out, err }));
}

const test = suite('accountCommand');
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('create-admin reads the password from stdin, creates a platform account with every permission and never echoes it', async () => {
  const r = await run(['create-admin', '--email', 'ops@example.com', '--db', path], `${PASSWORD}\n`);
  assert.is(r.code, 0, r.err);
  assert.match(r.out, /created platform administrator ops@example.com \(acc_/);
  assert.not.ok((r.out + r.err).includes(PASSWORD));
  const database = openDatabase(path, { readonly: true });
  try {
    const row = database.sqlite.prepare('select merchant_id as m, password_hash as h from accounts where email = ?').get('ops@example.com') as { m: string | null; h: string };
    assert.is(row.m, null, 'a platform account');
    assert.not.ok(row.h.includes(PASSWORD));
    assert.ok(verifyAuditChain(database.db).ok);
  } finally {
    database.close();
  }
});

test('the same email twice is refused with the service\'s code', async () => {
  const r = await run(['create-admin', '--email', 'ops@example.com', '--db', path], `${PASSWORD}\n`);
  assert.is(r.code, 2);
  assert.match(r.err, /an account with this email exists/);
});

test('a short password is refused by the policy; an empty stdin asks for one', async () => {
  assert.match((await run(['create-admin', '--email', 'b@example.com', '--db', path], 'short\n')).err, /password/);
  const empty = await run(['create-admin', '--email', 'c@example.com', '--db', path], '');
  assert.is(empty.code, 2);
  assert.match(empty.err, /stdin \(one line\) or in WAYGO_ADMIN_PASSWORD/);
});

test('there is no --password option', async () => {
  const r = await run(['create-admin', '--email', 'd@example.com', '--password', PASSWORD, '--db', path], '');
  assert.is(r.code, 2);
  assert.match(r.err, /unknown option --password/);
});

test.run();
