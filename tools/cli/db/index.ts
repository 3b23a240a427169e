import { FIELDS } from '../../../cloud/config/fields.ts';
import { migrateDatabase } from '../../../cloud/db/migrate.ts';
import { openDatabase } from '../../../cloud/db/open.ts';
import { CliError, type Command } from '../command.ts';
import { parseOptions } from '../cloud/options.ts';

const usage = `Usage:
  waygo db migrate [--db PATH]   create the database if needed and apply pending migrations

PATH defaults to WAYGO_DB, then ${FIELDS.database.fallback}. \`waygo cloud start\` does the same at start.`;

export const dbCommand: Command = {
  name: 'db',
  summary: 'apply the cloud database migrations',
  usage,
  async run(args, io) {
    const { positionals, values } = parseOptions(args, ['db'], 'waygo db --help');
    if (positionals.length !== 1 || positionals[0] !== 'migrate') throw new CliError('usage', 'expected "migrate" (waygo db --help)');
    const path = values.db ?? process.env[FIELDS.database.env] ?? FIELDS.database.fallback;
    const database = openDatabase(path);
    try {
      migrateDatabase(database);
    } finally {
      database.close();
    }
    io.stdout.write(`${path}: migrations applied\n`);
    return 0;
  },
};
