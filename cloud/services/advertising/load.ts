// Which keys of which boxes the advertising table holds, read from the database.
import { and, desc, eq, max } from 'drizzle-orm';
import type { Kek } from '../../crypto/kek.ts';
import type { Executor } from '../../db/open.ts';
import { boxKeys, boxSessions, boxes } from '../../db/schema/index.ts';
import { loadBoxKeys } from '../box-keys/index.ts';
import type { AdvBoxKeys, AdvKey } from './table.ts';

/**
 * Every active box with keys (or only `boxId`): its newest key and, while a rotation is not confirmed, the one
 * before. The box switches macKey only once it has the KEY_ROTATION telegram, so until a HELLO under the new
 * version shows it has moved, it may still advertise ids of the old key.
 */
export function loadAdvertisedBoxes(db: Executor, kek: Kek, boxId?: string): AdvBoxKeys[] {
  const active = eq(boxes.status, 'active');
  const rows = db
    .select({ boxId: boxKeys.boxId, keyVersion: boxKeys.keyVersion })
    .from(boxKeys)
    .innerJoin(boxes, eq(boxes.id, boxKeys.boxId))
    .where(boxId === undefined ? active : and(active, eq(boxes.id, boxId)))
    .orderBy(boxKeys.boxId, desc(boxKeys.keyVersion))
    .all();
  const moved = new Map<string, number>();
  const seen = db
    .select({ boxId: boxSessions.boxId, keyVersion: max(boxSessions.keyVersion) })
    .from(boxSessions)
    .where(boxId === undefined ? undefined : eq(boxSessions.boxId, boxId))
    .groupBy(boxSessions.boxId)
    .all();
  for (const s of seen) if (s.keyVersion !== null) moved.set(s.boxId, s.keyVersion);
  const result: AdvBoxKeys[] = [];
  for (let i = 0; i < rows.length; i++) {
    const newest = rows[i]!;
    const keys = [macKeyOf(db, kek, newest.boxId, newest.keyVersion)];
    const previous = rows[i + 1];
    if (previous?.boxId === newest.boxId && (moved.get(newest.boxId) ?? -1) < newest.keyVersion) {
      keys.push(macKeyOf(db, kek, previous.boxId, previous.keyVersion));
    }
    while (rows[i + 1]?.boxId === newest.boxId) i++;
    result.push({ boxId: newest.boxId, keys });
  }
  return result;
}

function macKeyOf(db: Executor, kek: Kek, boxId: string, keyVersion: number): AdvKey {
  const keys = loadBoxKeys(db, kek, boxId, keyVersion);
  keys.encKey.fill(0);
  keys.posKey.fill(0);
  return { keyVersion, macKey: keys.macKey };
}
