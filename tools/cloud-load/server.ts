import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadConfig } from '../../cloud/config/index.ts';
import { migrateDatabase } from '../../cloud/db/migrate.ts';
import { openDatabase } from '../../cloud/db/open.ts';
import { startServer, type RunningServer } from '../../cloud/server.ts';
import { seedLoadWorld, type LoadWorld } from './seed.ts';

export interface LoadServer {
  server: RunningServer;
  world: LoadWorld;
  /** The database file, for checks after the server closed. */
  path: string;
}

const quiet = { info: () => undefined, error: () => undefined };

/**
 * A real server as `waygo cloud start` runs it (development mode: the simulator acquirer; the file's WAL and
 * synchronous=FULL from openDatabase) on a fresh database in `dir`, seeded before it listens.
 */
export async function startLoadServer(dir: string, counts: { boxes: number; wallets: number }): Promise<LoadServer> {
  const path = join(dir, 'cloud.sqlite');
  const config = loadConfig({ env: { WAYGO_DB: path, WAYGO_PORT: '0', WAYGO_KEK: randomBytes(32).toString('hex') } });
  const seeding = openDatabase(path);
  let world: LoadWorld;
  try {
    migrateDatabase(seeding);
    world = seedLoadWorld(seeding, config.kek, counts);
  } finally {
    seeding.close();
  }
  return { server: await startServer({ config, logger: quiet }), world, path };
}
