import { verifyAuditChain } from '../../../cloud/audit/verify.ts';
import { openDatabase } from '../../../cloud/db/open.ts';
import { CliError, type Command } from '../command.ts';
import { parseOptions } from '../cloud/options.ts';
import { existingDatabasePath } from '../db/database-path.ts';

const usage = `Usage:
  waygo audit verify [--db PATH]   check every row of the hash-chained audit log

Prints "audit chain verified: N rows" and the head hash (exit 0), or names the first broken row (exit 1).
PATH defaults to WAYGO_DB, then data/waygo.sqlite. Keep the head hash elsewhere to detect removal of the
newest rows, which a chain alone cannot show.`;

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify the cloud audit log hash chain',
  usage,
  async run(args, io) {
    const { positionals, values } = parseOptions(args, ['db'], 'waygo audit --help');
    if (positionals.length !== 1 || positionals[0] !== 'verify') throw new CliError('usage', 'expected "verify" (waygo audit --help)');
    const path = existingDatabasePath(values.db);
    const database = openDatabase(path, { readonly: true });
    try {
      const hasLog = database.sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'audit_log'").get();
      if (!hasLog) throw new CliError('no_audit_log', `${path} has no audit log (waygo db migrate --db ${path})`);
      const result = verifyAuditChain(database.db);
      if (result.ok) {
        io.stdout.write(`audit chain verified: ${result.rows} rows\nhead: ${result.head}\n`);
        return 0;
      }
      io.stdout.write(`audit chain broken at row ${result.brokenId}: ${result.reason} (${result.rows} rows before it verified)\n`);
      return 1;
    } finally {
      database.close();
    }
  },
};
