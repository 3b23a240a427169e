import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { loadConfig } from '../../../cloud/config/index.ts';
import { CloudError } from '../../../cloud/errors/index.ts';
import { tempDir } from '../fixtures.ts';

const KEK_HEX = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const dir = tempDir();
const test = suite('loadConfig');

function failure(fn: () => unknown): CloudError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CloudError) return err;
    throw err;
  }
  throw new Error('expected a CloudError');
}

function configFile(name: string, content: string): string {
  const path = join(dir.path, name);
  writeFileSync(path, content);
  return path;
}

test.after(() => dir.remove());

test('uses the documented defaults when only the KEK is set', () => {
  const config = loadConfig({ env: { WAYGO_KEK: KEK_HEX } });
  assert.is(config.mode, 'development');
  assert.is(config.port, 8787);
  assert.is(config.host, '127.0.0.1');
  assert.is(config.database, 'data/waygo.sqlite');
  assert.is(config.bodyLimit, 65536);
  assert.is(config.kekSource, 'env');
  assert.is(Buffer.from(config.kek.bytes()).toString('hex'), KEK_HEX);
});

test('accepts the KEK as base64 as well as hex', () => {
  const config = loadConfig({ env: { WAYGO_KEK: Buffer.from(KEK_HEX, 'hex').toString('base64') } });
  assert.is(Buffer.from(config.kek.bytes()).toString('hex'), KEK_HEX);
});

test('takes the file, then the environment, then command-line overrides, each winning over the last', () => {
  const file = configFile('layers.json', JSON.stringify({ port: 9000, host: '0.0.0.0', bodyLimit: 1024 }));
  const config = loadConfig({
    env: { WAYGO_KEK: KEK_HEX, WAYGO_CONFIG: file, WAYGO_PORT: '9001', WAYGO_DB: '/tmp/env.sqlite' },
    overrides: { database: { value: '/tmp/flag.sqlite', flag: '--db' } },
  });
  assert.is(config.host, '0.0.0.0');
  assert.is(config.bodyLimit, 1024);
  assert.is(config.port, 9001);
  assert.is(config.database, '/tmp/flag.sqlite');
});

test('names the variable of a bad value in one line', () => {
  const err = failure(() => loadConfig({ env: { WAYGO_KEK: KEK_HEX, WAYGO_PORT: '99999' } }));
  assert.is(err.code, 'config_invalid');
  assert.is(err.message, 'invalid configuration: WAYGO_PORT must be a whole number from 0 to 65535 (got "99999")');
});

test('reports every mistake at once, each naming its own source', () => {
  const file = configFile('bad-limit.json', JSON.stringify({ bodyLimit: -1 }));
  const err = failure(() => loadConfig({
    env: { WAYGO_KEK: KEK_HEX, WAYGO_CONFIG: file, WAYGO_ENV: 'staging', WAYGO_HOST: ' ' },
    overrides: { port: { value: 'eighty', flag: '--port' } },
  }));
  for (const name of ['WAYGO_ENV', 'WAYGO_HOST', '--port', `"bodyLimit" in ${file}`]) assert.ok(err.message.includes(name), name);
  assert.not.match(err.message, /\n/);
});

test('refuses a KEK of the wrong size without echoing it', () => {
  const short = 'ab'.repeat(16);
  const err = failure(() => loadConfig({ env: { WAYGO_KEK: short } }));
  assert.match(err.message, /WAYGO_KEK must be 32 bytes/);
  assert.not.ok(err.message.includes(short));
});

test('refuses production without WAYGO_KEK', () => {
  const err = failure(() => loadConfig({ env: { WAYGO_ENV: 'production', WAYGO_DB: join(dir.path, 'prod', 'db.sqlite') } }));
  assert.match(err.message, /WAYGO_KEK is required when WAYGO_ENV is "production"/);
});

test('refuses a config file that holds the KEK, an unknown setting, or broken JSON', () => {
  const withKek = configFile('kek.json', JSON.stringify({ kek: KEK_HEX }));
  assert.match(failure(() => loadConfig({ env: { WAYGO_CONFIG: withKek } })).message, /"kek" may not be kept in a file/);
  const unknown = configFile('unknown.json', JSON.stringify({ prot: 1 }));
  assert.match(failure(() => loadConfig({ env: { WAYGO_CONFIG: unknown } })).message, /unknown setting "prot"/);
  const broken = configFile('broken.json', '{');
  assert.match(failure(() => loadConfig({ env: { WAYGO_CONFIG: broken } })).message, /WAYGO_CONFIG: .* is not valid JSON/);
  assert.match(failure(() => loadConfig({ env: { WAYGO_CONFIG: join(dir.path, 'missing.json') } })).message, /cannot read .*ENOENT/);
});

test('creates a development KEK beside the database with mode 0600 and reuses it on the next start', () => {
  const database = join(dir.path, 'dev', 'waygo.sqlite');
  const warnings: string[] = [];
  const first = loadConfig({ env: { WAYGO_DB: database }, warn: (line) => warnings.push(line) });
  const keyFile = join(dir.path, 'dev', 'dev-kek');
  assert.is(first.kekSource, 'dev-file');
  assert.is(statSync(keyFile).mode & 0o777, 0o600);
  const second = loadConfig({ env: { WAYGO_DB: database }, warn: (line) => warnings.push(line) });
  const hex = Buffer.from(first.kek.bytes()).toString('hex');
  assert.is(Buffer.from(second.kek.bytes()).toString('hex'), hex);
  assert.is(readFileSync(keyFile, 'utf8').trim(), hex);
  assert.is(warnings.length, 2);
  assert.match(warnings[0]!, /^warning: WAYGO_KEK is unset/);
  assert.not.ok(warnings.some((w) => w.includes(hex)));
});

test('refuses a damaged development key file with a message naming it', () => {
  mkdirSync(join(dir.path, 'damaged'));
  writeFileSync(join(dir.path, 'damaged', 'dev-kek'), 'not a key\n', { mode: 0o600 });
  const err = failure(() => loadConfig({ env: { WAYGO_DB: join(dir.path, 'damaged', 'db.sqlite') } }));
  assert.match(err.message, /damaged\/dev-kek does not hold 64 hex digits/);
});

test('uses a throw-away KEK for an in-memory database and writes no file', () => {
  const config = loadConfig({ env: { WAYGO_DB: ':memory:' } });
  assert.is(config.kekSource, 'ephemeral');
});

test('never shows the KEK when the config is serialised or inspected', () => {
  const config = loadConfig({ env: { WAYGO_KEK: KEK_HEX } });
  assert.not.ok(JSON.stringify(config).includes(KEK_HEX));
  assert.match(inspect(config, { depth: 5 }), /kek: Kek \[redacted\]/);
  assert.match(JSON.stringify(config), /"kek":"\[redacted\]"/);
});

test('reads WAYGO_ACQUIRER as "simulator" or as the http acquirer\'s JSON settings', () => {
  assert.equal(loadConfig({ env: { WAYGO_KEK: KEK_HEX, WAYGO_ACQUIRER: 'simulator' } }).acquirer, { kind: 'simulator', name: 'simulator' });
  const http = { kind: 'http', baseUrl: 'http://127.0.0.1:9/pay', secret: 'a-shared-secret-of-enough-length', merchant: 'M1' };
  const config = loadConfig({ env: { WAYGO_KEK: KEK_HEX, WAYGO_ACQUIRER: JSON.stringify(http) } });
  assert.is(config.acquirer?.kind, 'http');
  assert.is(loadConfig({ env: { WAYGO_KEK: KEK_HEX } }).acquirer, undefined);
});

test('refuses a bad WAYGO_ACQUIRER naming the variable and never echoing the secret', () => {
  const secret = 'short-secret';
  const bad = failure(() => loadConfig({ env: { WAYGO_KEK: KEK_HEX, WAYGO_ACQUIRER: JSON.stringify({ kind: 'http', baseUrl: 'http://127.0.0.1:9', secret, merchant: 'M1' }) } }));
  assert.match(bad.message, /WAYGO_ACQUIRER: .*secret/);
  assert.not.match(bad.message, new RegExp(secret));
  assert.match(failure(() => loadConfig({ env: { WAYGO_KEK: KEK_HEX, WAYGO_ACQUIRER: '{not json' } })).message, /WAYGO_ACQUIRER must be/);
});

test('refuses the test-mode simulator acquirer in production', () => {
  const err = failure(() => loadConfig({ env: { WAYGO_KEK: KEK_HEX, WAYGO_ENV: 'production', WAYGO_ACQUIRER: 'simulator' } }));
  assert.match(err.message, /WAYGO_ACQUIRER "simulator" is a test mode/);
});

test.run();
