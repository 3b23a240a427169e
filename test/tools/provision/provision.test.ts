import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../../tools/cli/main.ts';
import { replayUpload } from '../../../tools/flash/index.ts';
import { createStorage } from '../../../tools/simulator/storage.ts';

const API_KEY = 'wgk_abcdef_provisioningtestkey0000000000000000';
const KEYS_FILE = new Uint8Array(105).map((_, i) => (i * 7) & 0xff);
const CFG_FILE = new Uint8Array(64).fill(0x42);

interface Seen { auth?: string; secret?: string; path?: string; rotate?: boolean }
const seen: Seen = {};
let answerStatus = 201;
let board = 'puckjs';

const server: Server = createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    seen.auth = req.headers.authorization;
    seen.path = req.url;
    const sent = JSON.parse(body) as { masterSecret: string; rotate?: boolean };
    seen.secret = sent.masterSecret;
    seen.rotate = sent.rotate;
    res.writeHead(answerStatus, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answerStatus === 201
      ? { boxId: '0011223344556677', board, keyVersion: 1, files: { 'waygo.keys': Buffer.from(KEYS_FILE).toString('base64'), 'waygo.cfg': Buffer.from(CFG_FILE).toString('base64') } }
      : { error: { type: 'authentication_error', code: 'api_key_invalid', message: 'the API key is not valid', param: null } }));
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const cloud = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const dir = mkdtempSync(join(tmpdir(), 'waygo-provision-'));
const keyFile = join(dir, 'api-key');
writeFileSync(keyFile, `${API_KEY}\n`, { mode: 0o600 });

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '', err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { io: { stdin: new PassThrough(), stdout, stderr }, out: () => out, err: () => err };
}

const provision = suite('provisionCommand');
provision.before.each(() => {
  answerStatus = 201;
  board = 'puckjs';
});
provision.after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const base = ['provision', '--board', 'puckjs', '--box', '0011223344556677', '--cloud', cloud];

provision('registers a fresh 32-byte secret with the API key and writes a 0600 upload that stores the answered files, then reboots', async () => {
  const out = join(dir, 'upload.txt');
  const t = io();
  assert.is(await main([...base, '--api-key-file', keyFile, '--dry-run', out], t.io), 0, t.err());
  assert.is(seen.path, '/v1/operator/boxes/0011223344556677/provision');
  assert.is(seen.auth, `Bearer ${API_KEY}`);
  assert.is(Buffer.from(seen.secret!, 'base64').length, 32);
  assert.is(statSync(out).mode & 0o777, 0o600);
  const storage = createStorage(40 * 1024);
  assert.is(replayUpload(readFileSync(out, 'latin1'), storage).finished, 'reboot');
  assert.equal(new Uint8Array(storage.readArrayBuffer('waygo.keys')!), KEYS_FILE);
  assert.equal(new Uint8Array(storage.readArrayBuffer('waygo.cfg')!), CFG_FILE);
  assert.match(t.out(), /CONTAINS THE BOX'S KEYS/);
});

provision('never prints the API key, the master secret or the key file', async () => {
  const t = io();
  await main([...base, '--api-key-file', keyFile, '--dry-run', join(dir, 'again.txt')], t.io);
  const printed = t.out() + t.err();
  assert.not.ok(printed.includes(API_KEY));
  assert.not.ok(printed.includes(seen.secret!));
  assert.not.ok(printed.includes(Buffer.from(KEYS_FILE).toString('base64').slice(0, 20)));
});

provision('two runs register two different master secrets; --rotate asks for a new key version', async () => {
  await main([...base, '--api-key-file', keyFile, '--dry-run', join(dir, 'a.txt')], io().io);
  const first = seen.secret;
  assert.is(seen.rotate, undefined);
  await main([...base, '--api-key-file', keyFile, '--rotate', '--dry-run', join(dir, 'b.txt')], io().io);
  assert.is.not(seen.secret, first);
  assert.is(seen.rotate, true);
});

provision('takes the API key from WAYGO_API_KEY and never from the command line', async () => {
  process.env.WAYGO_API_KEY = API_KEY;
  try {
    assert.is(await main([...base, '--dry-run', join(dir, 'env.txt')], io().io), 0);
    assert.is(seen.auth, `Bearer ${API_KEY}`);
  } finally {
    delete process.env.WAYGO_API_KEY;
  }
  const t = io();
  assert.is(await main([...base, '--api-key', API_KEY, '--dry-run', join(dir, 'x.txt')], t.io), 2);
  assert.match(t.err(), /unexpected argument "--api-key"/);
  const none = io();
  assert.is(await main([...base, '--dry-run', join(dir, 'y.txt')], none.io), 2);
  assert.match(none.err(), /--api-key-file FILE or set WAYGO_API_KEY/);
});

provision('a refused API key exits 1 with the cloud\'s code and writes nothing', async () => {
  answerStatus = 401;
  const out = join(dir, 'refused.txt');
  const t = io();
  assert.is(await main([...base, '--api-key-file', keyFile, '--dry-run', out], t.io), 1);
  assert.match(t.err(), /refused to provision box 0011223344556677 \(401\): the API key is not valid/);
  assert.throws(() => statSync(out));
});

provision('a box the cloud knows as another board is not written', async () => {
  board = 'pixljs';
  const t = io();
  assert.is(await main([...base, '--api-key-file', keyFile, '--dry-run', join(dir, 'other.txt')], t.io), 1);
  assert.match(t.err(), /registered box 0011223344556677 as pixljs, not puckjs/);
});

provision('needs a link or --dry-run, and not both', async () => {
  const t = io();
  assert.is(await main([...base, '--api-key-file', keyFile], t.io), 2);
  assert.match(t.err(), /--ble ADDR or --port DEV/);
  const both = io();
  assert.is(await main([...base, '--api-key-file', keyFile, '--port', '/dev/null', '--dry-run', join(dir, 'z.txt')], both.io), 2);
});

provision.run();
