import { CliError, type CliIO, type Command } from './command.ts';
import { commands } from './commands.ts';

function help(list: Command[]): string {
  const width = Math.max(...list.map((c) => c.name.length), 4);
  const lines = list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['Usage: waygo <command> [options]', '', 'Commands:', ...lines, '', 'waygo <command> --help shows a command\'s usage.', ''].join('\n');
}

export async function main(argv: string[], io: CliIO, list: Command[] = commands): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help(list));
    return name === undefined ? 2 : 0;
  }
  const command = list.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`waygo: unknown command "${name}" (waygo --help lists them)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr.write(`waygo ${name}: ${err.message}\n`);
      return err.exitCode;
    }
    // An unexpected fault is still reported as one line; WAYGO_DEBUG=1 shows the stack for developers.
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`waygo ${name}: internal error: ${message}\n`);
    if (process.env.WAYGO_DEBUG === '1' && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return 1;
  }
}
