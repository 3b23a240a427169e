import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { EmvError, decode, encode } from '../../../shared/emv/index.ts';
import { CliError, type CliIO, type Command } from '../command.ts';

const usage = `Usage:
  waygo emv decode PAYLOAD [--strict]   print the decoded payload as JSON
  waygo emv decode - [--strict]         decode one payload per stdin line, print one JSON line each:
                                        {"ok":true,"value":{...}} or {"ok":false,"error":{"code","message"}}
                                        exit 0 when every line decoded, 1 when any failed
  waygo emv encode FILE.json [--lenient]  print the payload for a JSON file shaped like decode's output
                                        (without crc); checked against EMVCo's rules unless --lenient

Bad input exits 2 with one line on stderr. See docs/emv.md.`;

function fromEmv(err: unknown): never {
  if (err instanceof EmvError) throw new CliError(err.code, `${err.code}: ${err.message}`);
  throw err;
}

async function readAll(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  return text;
}

async function decodeLines(io: CliIO, strict: boolean): Promise<number> {
  const lines = (await readAll(io.stdin)).split('\n');
  let failed = false;
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') continue;
    try {
      io.stdout.write(`${JSON.stringify({ ok: true, value: decode(line, { strict }) })}\n`);
    } catch (err) {
      if (!(err instanceof EmvError)) throw err;
      failed = true;
      io.stdout.write(`${JSON.stringify({ ok: false, error: { code: err.code, message: err.message } })}\n`);
    }
  }
  return failed ? 1 : 0;
}

async function encodeFile(path: string, strict: boolean, io: CliIO): Promise<number> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CliError('io', `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw new CliError('bad_json', `${path} is not valid JSON`);
  }
  try {
    io.stdout.write(`${encode(input as Parameters<typeof encode>[0], { strict })}\n`);
  } catch (err) {
    fromEmv(err);
  }
  return 0;
}

export const emvCommand: Command = {
  name: 'emv',
  summary: 'decode, validate and encode EMV merchant-presented QR payloads',
  usage,
  async run(args, io) {
    const flags = args.filter((a) => a.startsWith('--'));
    const rest = args.filter((a) => !a.startsWith('--'));
    const [action, target, extra] = rest;
    const allowed = action === 'decode' ? ['--strict'] : ['--lenient'];
    const unknown = flags.find((f) => !allowed.includes(f));
    if (unknown) throw new CliError('usage', `unknown option ${unknown} (waygo emv --help)`);
    if ((action !== 'decode' && action !== 'encode') || target === undefined || extra !== undefined) {
      throw new CliError('usage', 'expected "decode PAYLOAD|-" or "encode FILE.json" (waygo emv --help)');
    }
    if (action === 'encode') return encodeFile(target, !flags.includes('--lenient'), io);
    const strict = flags.includes('--strict');
    if (target === '-') return decodeLines(io, strict);
    try {
      io.stdout.write(`${JSON.stringify(decode(target, { strict }), null, 2)}\n`);
    } catch (err) {
      fromEmv(err);
    }
    return 0;
  },
};
