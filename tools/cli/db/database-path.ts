import { existsSync } from 'node:fs';
import { FIELDS } from '../../../cloud/config/fields.ts';
import { CliError } from '../command.ts';

/** --db, else WAYGO_DB, else the server's default; the file must already exist. */
export function existingDatabasePath(flag: string | undefined): string {
  const path = flag ?? process.env[FIELDS.database.env] ?? FIELDS.database.fallback;
  if (!existsSync(path)) throw new CliError('no_database', `no database at ${path} (--db PATH or WAYGO_DB)`);
  return path;
}
