import { FIELDS } from '../../../cloud/config/fields.ts';
import { migrateDatabase } from '../../../cloud/db/migrate.ts';
import { openDatabase } from '../../../cloud/db/open.ts';
import { CloudError } from '../../../cloud/errors/cloud-error.ts';
import { createPlatformAdmin } from '../../../cloud/services/authority/index.ts';
import { CliError, type Command } from '../command.ts';
import { parseOptions } from '../cloud/options.ts';
import { readPassword } from './password.ts';

const usage = `Usage:
  waygo account create-admin --email EMAIL [--name NAME] [--db PATH]

Creates a platform administrator (every permission, every merchant) for the operator site and API: the first
account of an installation. The password is read from the first line of stdin, or from WAYGO_ADMIN_PASSWORD;
it is never taken from the command line. At least 12 characters, not containing the email.
PATH defaults to WAYGO_DB, then ${FIELDS.database.fallback}; pending migrations are applied first.

  printf '%s\\n' "$PASSWORD" | npx waygo account create-admin --email ops@example.com`;

export const accountCommand: Command = {
  name: 'account',
  summary: 'create the first platform administrator (password from stdin)',
  usage,
  async run(args, io) {
    const { positionals, values } = parseOptions(args, ['email', 'name', 'db'], 'waygo account --help');
    if (positionals.length !== 1 || positionals[0] !== 'create-admin') throw new CliError('usage', 'expected "create-admin" (waygo account --help)');
    const email = values.email;
    if (email === undefined) throw new CliError('usage', '--email is required');
    const password = await readPassword(io.stdin);
    const path = values.db ?? process.env[FIELDS.database.env] ?? FIELDS.database.fallback;
    const database = openDatabase(path);
    try {
      migrateDatabase(database);
      const account = await createPlatformAdmin(database.db, { email, password, ...(values.name === undefined ? {} : { displayName: values.name }) });
      io.stdout.write(`created platform administrator ${account.email} (${account.id}) in ${path}\n`);
      return 0;
    } catch (err) {
      if (err instanceof CloudError) throw new CliError(err.code, err.message);
      throw err;
    } finally {
      database.close();
    }
  },
};
