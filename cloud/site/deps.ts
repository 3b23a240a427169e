import type { Acquirer } from '../acquirers/types.ts';
import type { Kek } from '../crypto/kek.ts';
import type { Db } from '../db/open.ts';
import type { Logger } from '../types.ts';

/** What the site's pages reach; they call services in-process, never the REST API over HTTP. */
export interface SiteDeps {
  db: Db;
  kek: Kek;
  /** The clock, ms since the epoch; tests move it. */
  now: () => number;
  acquirer?: Acquirer;
  /** Where faults of ours are logged; the page itself says only that something went wrong. */
  logger?: Logger;
}
