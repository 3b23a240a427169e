import { loadConfig } from '../../../cloud/config/load.ts';
import type { FieldName } from '../../../cloud/config/fields.ts';
import { CloudError } from '../../../cloud/errors/cloud-error.ts';
import { jsonLogger } from '../../../cloud/logger.ts';
import { startServer } from '../../../cloud/server.ts';
import { CliError, type CliIO, type Command } from '../command.ts';
import { parseOptions } from './options.ts';

const usage = `Usage:
  waygo cloud start [--port N] [--db PATH]   run the cloud API until SIGINT or SIGTERM

Settings come from the environment (WAYGO_PORT, WAYGO_HOST, WAYGO_DB, WAYGO_BODY_LIMIT, WAYGO_ENV, WAYGO_KEK)
and an optional JSON file named by WAYGO_CONFIG; --port and --db win over both. Pending migrations are applied
at start. See cloud/README.md.`;

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

async function start(values: Record<string, string>, io: CliIO): Promise<number> {
  const overrides: Partial<Record<FieldName, { value: string; flag: string }>> = {};
  if (values.port !== undefined) overrides.port = { value: values.port, flag: '--port' };
  if (values.db !== undefined) overrides.database = { value: values.db, flag: '--db' };
  let server;
  try {
    const config = loadConfig({ overrides, warn: (line) => io.stderr.write(`${line}\n`) });
    server = await startServer({ config, logger: jsonLogger((line) => io.stderr.write(line)) });
  } catch (err) {
    if (err instanceof CloudError) throw new CliError(err.code, err.message);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new CliError('listen', `cannot listen: ${code} (choose another --port or WAYGO_HOST)`, 1);
    }
    throw err;
  }
  io.stdout.write(`WayGo cloud listening on ${server.url}\n`);
  const signal = await waitForSignal();
  await server.close();
  io.stdout.write(`stopped (${signal})\n`);
  return 0;
}

export const cloudCommand: Command = {
  name: 'cloud',
  summary: 'run the payment cloud API (Hono on Node, SQLite)',
  usage,
  async run(args, io) {
    const { positionals, values } = parseOptions(args, ['port', 'db'], 'waygo cloud --help');
    if (positionals.length !== 1 || positionals[0] !== 'start') {
      throw new CliError('usage', 'expected "start" (waygo cloud --help)');
    }
    return start(values, io);
  },
};
