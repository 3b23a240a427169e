import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PassThrough } from 'node:stream';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../tools/cli/main.ts';
import { decode } from '../../shared/emv/index.ts';
import { PIX_STATIC, PROMPTPAY_PHONE, QRIS_BAD_CRC } from '../shared/emv/samples.ts';

function io(input = '') {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '', err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  stdin.end(input);
  return { io: { stdin, stdout, stderr }, out: () => out, err: () => err };
}

const dir = mkdtempSync(join(tmpdir(), 'waygo-emv-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const cli = suite('emvCommand');

cli('emv --help shows usage on stdout and exits 0', async () => {
  const t = io();
  assert.is(await main(['emv', '--help'], t.io), 0);
  assert.match(t.out(), /waygo emv decode PAYLOAD \[--strict\]/);
  assert.match(t.out(), /waygo emv encode FILE\.json/);
});

cli('decode prints the decoded payload as pretty JSON', async () => {
  const t = io();
  assert.is(await main(['emv', 'decode', PIX_STATIC], t.io), 0);
  assert.equal(JSON.parse(t.out()), decode(PIX_STATIC));
  assert.match(t.out(), /\n {2}"merchantName": "Fulano de Tal"/);
});

cli('decode of a bad payload exits 2 with one line naming the code and no stack trace', async () => {
  const t = io();
  assert.is(await main(['emv', 'decode', QRIS_BAD_CRC], t.io), 2);
  assert.is(t.out(), '');
  assert.is(t.err().split('\n').length, 2);
  assert.match(t.err(), /^waygo emv: crc_mismatch: .*ID 63, character 195\)\n$/);
});

cli('decode --strict rejects what lenient decoding accepts', async () => {
  const lenient = io();
  assert.is(await main(['emv', 'decode', PROMPTPAY_PHONE], lenient.io), 0);
  const strict = io();
  assert.is(await main(['emv', 'decode', PROMPTPAY_PHONE, '--strict'], strict.io), 2);
  assert.match(strict.err(), /missing_field/);
});

cli('decode - prints one JSON line per stdin line and exits 1 when any failed', async () => {
  const t = io(`${PIX_STATIC}\r\n\n${QRIS_BAD_CRC}\n`);
  assert.is(await main(['emv', 'decode', '-'], t.io), 1);
  const lines = t.out().trim().split('\n').map((l) => JSON.parse(l));
  assert.is(lines.length, 2);
  assert.equal(lines[0], { ok: true, value: decode(PIX_STATIC) });
  assert.is(lines[1].ok, false);
  assert.is(lines[1].error.code, 'crc_mismatch');
  assert.type(lines[1].error.message, 'string');
});

cli('decode - exits 0 when every line decoded', async () => {
  const t = io(`${PIX_STATIC}\n${PROMPTPAY_PHONE}\n`);
  assert.is(await main(['emv', 'decode', '-'], t.io), 0);
  assert.is(t.out().trim().split('\n').length, 2);
});

cli('encode prints the payload of a JSON file shaped like decode output', async () => {
  const input: { crc?: string } = decode(PIX_STATIC);
  delete input.crc;
  const t = io();
  assert.is(await main(['emv', 'encode', file('pix.json', JSON.stringify(input))], t.io), 0);
  assert.is(t.out(), `${PIX_STATIC}\n`);
});

cli('encode of an invalid, unreadable or non-JSON file exits 2 with one line', async () => {
  const cases = [
    file('bad.json', JSON.stringify({ merchantAccountInformation: { 26: { '00': 'x' } } })),
    join(dir, 'missing.json'),
    file('text.json', 'not json'),
  ];
  for (const path of cases) {
    const t = io();
    assert.is(await main(['emv', 'encode', path], t.io), 2);
    assert.is(t.err().split('\n').length, 2, t.err());
    assert.not.match(t.err(), /\n\s+at /);
  }
});

cli('encode --lenient accepts a PromptPay-shaped file', async () => {
  const input = decode(PROMPTPAY_PHONE);
  const t = io();
  assert.is(await main(['emv', 'encode', file('pp.json', JSON.stringify(input)), '--lenient'], t.io), 0);
  assert.equal(decode(t.out().trim()).merchantAccountInformation, decode(PROMPTPAY_PHONE).merchantAccountInformation);
});

cli('wrong usage exits 2 with one line', async () => {
  for (const args of [['emv'], ['emv', 'frobnicate', 'x'], ['emv', 'decode'], ['emv', 'decode', PIX_STATIC, '--lenient']]) {
    const t = io();
    assert.is(await main(args, t.io), 2);
    assert.is(t.err().split('\n').length, 2);
  }
});

cli.after(() => rmSync(dir, { recursive: true, force: true }));

cli.run();
