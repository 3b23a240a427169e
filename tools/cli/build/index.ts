import { resolve } from 'node:path';
import { boards, buildBoard, BuildError, buildTarget, findBoard, formatFinding, formatSizeTable } from '../../build/index.ts';
import type { SizeReport } from '../../build/index.ts';
import type { BoardData } from '../../../firmware/src/core/board.ts';
import { CliError, type CliIO, type Command } from '../command.ts';

const boardNames = boards.map((b) => b.id).join(', ');

const usage = `Usage: waygo build --board <${boards.map((b) => b.id).join('|')}|all> [--out DIR]

Builds the firmware bundle for a board into DIR/<board>/ (DIR defaults to ./build):
  firmware.js      the readable ES5 bundle, checked against what Espruino runs
  firmware.min.js  minified and pretokenised by the espruino tools: the box's .bootcde
  modules/         rarely used code as Storage modules (waygo.m.<name>.min.js), loaded only when needed
  size.json        raw, minified and pretokenised sizes, the modules' and all code's bytes, the Storage size
and prints a size table. Exits 1 when the checker or the minifier rejects the bundle.`;

interface BuildArgs { boards: BoardData[]; out: string }

function parseArgs(args: string[]): BuildArgs {
  let board: string | undefined;
  let out = 'build';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = args[i + 1];
    if (arg !== '--board' && arg !== '--out') throw new CliError('bad_option', `unknown option "${arg}" (waygo build --help)`);
    if (value === undefined || value.startsWith('--')) throw new CliError('bad_option', `${arg} needs a value`);
    if (arg === '--board') board = value;
    else out = value;
    i++;
  }
  if (board === undefined) throw new CliError('bad_board', `--board is required (${boardNames} or all)`);
  if (board === 'all') return { boards: [...boards], out: resolve(out) };
  const found = findBoard(board);
  if (!found) throw new CliError('bad_board', `unknown board "${board}" (${boardNames} or all)`);
  return { boards: [found], out: resolve(out) };
}

function describe(board: BoardData, err: unknown, io: CliIO): void {
  if (err instanceof BuildError) {
    for (const finding of err.findings) io.stderr.write(`${formatFinding(err.file ?? board.id, finding)}\n`);
    io.stderr.write(`waygo build: ${board.id}: ${err.message}\n`);
  } else {
    io.stderr.write(`waygo build: ${board.id}: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  }
}

export const buildCommand: Command = {
  name: 'build',
  summary: 'build the firmware bundle for a board (or all) and print its size report',
  usage,
  async run(args, io) {
    const parsed = parseArgs(args);
    const results = await Promise.allSettled(parsed.boards.map((board) => buildBoard(buildTarget(board), parsed.out)));
    const reports: SizeReport[] = [];
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') reports.push(result.value.report);
      else describe(parsed.boards[i]!, result.reason, io);
    });
    if (reports.length > 0) io.stdout.write(formatSizeTable(reports));
    return reports.length === parsed.boards.length ? 0 : 1;
  },
};
