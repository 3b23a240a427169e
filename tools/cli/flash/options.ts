import { findBoard } from '../../build/index.ts';
import type { BoardData } from '../../../firmware/src/core/board.ts';
import { CliError } from '../command.ts';

export interface Parsed {
  values: Record<string, string>;
  flags: Set<string>;
}

/** `--name VALUE` / `--name=VALUE` for `valued`, bare `--name` for `flags`; anything else is a usage error. */
export function parseArgs(args: string[], valued: string[], flags: string[], help: string): Parsed {
  const parsed: Parsed = { values: {}, flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq === -1 ? undefined : eq) : '';
    if (flags.includes(name) && eq === -1) {
      parsed.flags.add(name);
      continue;
    }
    if (!valued.includes(name)) throw new CliError('usage', `unexpected argument "${arg}" (${help})`);
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) throw new CliError('usage', `--${name} needs a value (${help})`);
    parsed.values[name] = value;
  }
  return parsed;
}

export function boardOption(parsed: Parsed): BoardData {
  const id = parsed.values.board;
  if (id === undefined) throw new CliError('bad_board', '--board is required (puckjs, pixljs or mdbt42q)');
  const board = findBoard(id);
  if (board === undefined) throw new CliError('bad_board', `unknown board "${id}" (puckjs, pixljs or mdbt42q)`);
  return board;
}

export interface LinkTarget {
  /** The espruino tools' port name: a BLE address, a serial device or tcp://host:port. */
  port: string;
  ble: boolean;
}

/** Exactly one of --ble ADDR and --port DEV, unless a dry run stands in for the link. */
export function linkOption(parsed: Parsed, dryRun: boolean): LinkTarget | undefined {
  const ble = parsed.values.ble;
  const port = parsed.values.port;
  if (ble !== undefined && port !== undefined) throw new CliError('usage', 'give --ble or --port, not both');
  if (ble !== undefined) return { port: ble, ble: true };
  if (port !== undefined) return { port, ble: false };
  if (!dryRun) throw new CliError('usage', 'give --ble ADDR or --port DEV (or --dry-run OUT)');
  return undefined;
}

/** A progress line at every tenth of the text, so a log or a pipe shows it as well as a terminal. */
export function progressPrinter(write: (text: string) => void): (sent: number, total: number) => void {
  let last = -1;
  return (sent, total) => {
    const tenth = total === 0 ? 10 : Math.floor((sent * 10) / total);
    if (tenth <= last) return;
    last = tenth;
    write(`  sent ${tenth * 10}% (${sent} of ${total} bytes)\n`);
  };
}
