import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PassThrough } from 'node:stream';
import { main } from '../../tools/cli/main.ts';
import { CliError, type Command } from '../../tools/cli/command.ts';

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '', err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { io: { stdin: new PassThrough(), stdout, stderr }, out: () => out, err: () => err };
}

const failing: Command = {
  name: 'fail',
  summary: 'always fails',
  usage: 'waygo fail',
  run: async () => { throw new CliError('bad_input', 'the input is bad'); },
};

test('--help lists every registered command with its summary', async () => {
  const t = io();
  assert.is(await main(['--help'], t.io, [failing]), 0);
  assert.match(t.out(), /fail\s+always fails/);
});

test('an unknown command exits 2 with one line on stderr', async () => {
  const t = io();
  assert.is(await main(['nope'], t.io, [failing]), 2);
  assert.is(t.err().trim().split('\n').length, 1);
});

test('a CliError becomes its exit code and one line without a stack trace', async () => {
  const t = io();
  assert.is(await main(['fail'], t.io, [failing]), 2);
  assert.is(t.err(), 'waygo fail: the input is bad\n');
});

test.run();
