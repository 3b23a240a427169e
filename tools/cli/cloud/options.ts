import { CliError } from '../command.ts';

export interface ParsedOptions {
  positionals: string[];
  values: Record<string, string>;
}

/** `--name VALUE` and `--name=VALUE` for the names in `accepted`; anything else starting with -- is a usage error. */
export function parseOptions(args: string[], accepted: string[], help: string): ParsedOptions {
  const positionals: string[] = [];
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (!accepted.includes(name)) throw new CliError('usage', `unknown option --${name} (${help})`);
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new CliError('usage', `--${name} needs a value (${help})`);
    values[name] = value;
  }
  return { positionals, values };
}
