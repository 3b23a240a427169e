// A development key-encryption key kept beside the database, so `make demo` and local runs need no set-up
// and a restart can still open the secrets it sealed. Production refuses to start without WAYGO_KEK.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from '@noble/hashes/utils.js';
import { Kek, parseKek } from '../crypto/kek.ts';
import { CloudError } from '../errors/cloud-error.ts';

export const DEV_KEK_FILE = 'dev-kek';

export interface DevKek {
  kek: Kek;
  /** Undefined for an in-memory database: its key lives exactly as long as its data. */
  path: string | undefined;
}

export function devKek(databasePath: string): DevKek {
  if (databasePath === ':memory:') return { kek: new Kek(randomBytes(32)), path: undefined };
  const path = join(dirname(databasePath), DEV_KEK_FILE);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${Buffer.from(randomBytes(32)).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  // Tighten a copy that lost its mode (an archive, a permissive umask at creation by hand).
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const kek = parseKek(readFileSync(path, 'utf8'));
  if (!kek) throw new CloudError('config_invalid', `the development key file ${path} does not hold 64 hex digits; delete it to make a new one`);
  return { kek, path };
}
