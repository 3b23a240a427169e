// The cloud as far as it exists: the real server on the embedded default (a SQLite file under data/), asked for
// its health over HTTP, and its audit chain verified.
import { loadConfig } from '../../cloud/config/index.ts';
import { openDatabase } from '../../cloud/db/index.ts';
import { verifyAuditChain } from '../../cloud/audit/index.ts';
import { jsonLogger } from '../../cloud/logger.ts';
import { startServer } from '../../cloud/server.ts';

export async function showCloud(print: (line: string) => void): Promise<void> {
  const config = loadConfig({ overrides: { port: { value: '0', flag: '--port' } }, warn: (line) => print(`   ${line}`) });
  const server = await startServer({ config, logger: jsonLogger(() => undefined) });
  try {
    const health = (await (await fetch(`${server.url}/v1/health`)).json()) as Record<string, unknown>;
    print(`   started the cloud at ${server.url} on ${config.database}`);
    print(`   GET /v1/health → ${JSON.stringify(health)}`);
  } finally {
    await server.close();
  }
  const database = openDatabase(config.database);
  try {
    const chain = verifyAuditChain(database.db);
    print(chain.ok ? `   audit chain verified: ${chain.rows} rows` : `   audit chain broken at row ${chain.brokenId}: ${chain.reason}`);
  } finally {
    database.close();
  }
}
