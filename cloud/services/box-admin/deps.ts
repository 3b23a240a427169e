import type { Kek } from '../../crypto/kek.ts';
import type { Db } from '../../db/open.ts';
import { advertisingIndexFor } from '../advertising/index.ts';

/** What the key-touching box services need: the database and the KEK its box secrets are sealed under. */
export interface BoxAdminDeps {
  db: Db;
  kek: Kek;
}

/** After a commit that changes which ids a box advertises under (keys, status), so resolve finds it at once. */
export function refreshAdvertised({ db, kek }: BoxAdminDeps, boxId: string): void {
  advertisingIndexFor(db, kek).refreshBox(boxId);
}
