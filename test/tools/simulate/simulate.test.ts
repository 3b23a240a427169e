import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { loadConfig } from '../../../cloud/config/index.ts';
import { openDatabase } from '../../../cloud/db/open.ts';
import { startServer, type RunningServer } from '../../../cloud/server.ts';
import { main } from '../../../tools/cli/main.ts';
import { simulate } from '../../../tools/cli/simulate/run.ts';

const dir = mkdtempSync(join(tmpdir(), 'waygo-simulate-'));
const path = join(dir, 'cloud.sqlite');
const kekHex = randomBytes(32).toString('hex');
const config = loadConfig({ env: { WAYGO_DB: path, WAYGO_PORT: '0', WAYGO_KEK: kekHex } });
let server: RunningServer;

const test = suite('simulate');
test.before(async () => {
  server = await startServer({ config, logger: { info: () => undefined, error: () => undefined } });
});
test.after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('three simulated boxes on three boards and two wallets finish six payments through a running cloud', async () => {
  const database = openDatabase(path);
  try {
    const r = await simulate({ cloudUrl: server.url, db: database.db, kek: config.kek, buildDir: 'build', boxes: 3, wallets: 2, payments: 6 });
    assert.equal(r.failures, {});
    assert.is(r.succeeded, 6);
    assert.ok(r.perSecond > 0 && r.latency.p50 > 0 && r.latency.p99 >= r.latency.p50);
    const boards = database.sqlite.prepare("select count(distinct board) as n from boxes where id like '5d%'").get() as { n: number };
    assert.is(boards.n, 3);
  } finally {
    database.close();
  }
});

test('the command runs again on the same cloud under fresh ids and prints the rate, latencies and no failures', async () => {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => (out += d));
  const saved = process.env.WAYGO_KEK;
  process.env.WAYGO_KEK = kekHex;
  try {
    const code = await main(['simulate', '--cloud', server.url, '--db', path, '--boxes', '2', '--wallets', '1', '--payments', '4'], { stdin: new PassThrough(), stdout, stderr: new PassThrough() });
    assert.is(code, 0, out);
  } finally {
    if (saved === undefined) delete process.env.WAYGO_KEK;
    else process.env.WAYGO_KEK = saved;
  }
  assert.match(out, /4 of 4 payments finished in [\d.]+ s: [\d.]+ payments\/s; latency p50 \d+ ms, p99 \d+ ms; 0 failed/);
});

test('no cloud at the URL is one line and exit 1', async () => {
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (d) => (err += d));
  const code = await main(['simulate', '--cloud', 'http://127.0.0.1:9', '--db', path], { stdin: new PassThrough(), stdout: new PassThrough(), stderr });
  assert.is(code, 1);
  assert.match(err, /no cloud answers at http:\/\/127\.0\.0\.1:9/);
});

test.run();
