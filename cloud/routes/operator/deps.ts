import type { Acquirer } from '../../acquirers/types.ts';
import type { Kek } from '../../crypto/kek.ts';
import type { Db } from '../../db/open.ts';

/** What every operator route module receives. */
export interface OperatorDeps {
  db: Db;
  kek: Kek;
  now: () => number;
  acquirer?: Acquirer;
}
