// Per-box master secrets: drawn here from the system RNG (or handed in once by the provisioning tool), kept only
// sealed under the KEK, and turned into the box's three keys by the protocol's HKDF. Every creation and rotation
// is audited in its own transaction.
import { and, desc, eq, max } from 'drizzle-orm';
import type { BoxKeys } from '../../../shared/protocol/types.ts';
import { appendAudit } from '../../audit/append.ts';
import type { Kek } from '../../crypto/kek.ts';
import type { Executor } from '../../db/open.ts';
import { boxKeys, boxSessions, boxes } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { FIRST_KEY_VERSION, LAST_KEY_VERSION, checkBoxId, keysFromSealed, newSealedMaster } from './material.ts';

export interface BoxKeyOptions {
  kek: Kek;
  /** Recorded in the audit log as who did it. */
  actor: string;
  now?: () => number;
  /** The master secret a provisioning tool made (32 bytes); without it one is drawn here. */
  master?: Uint8Array;
}

export interface IssuedBoxKeys {
  keyVersion: number;
  /** For provisioning the box (or the KEY_ROTATION telegram); the master secret itself never leaves this module. */
  keys: BoxKeys;
}

function latestKey(db: Executor, boxId: string) {
  return db.select().from(boxKeys).where(eq(boxKeys.boxId, boxId)).orderBy(desc(boxKeys.keyVersion)).limit(1).get();
}

function requireBox(db: Executor, boxId: string): void {
  checkBoxId(boxId);
  if (!db.select({ id: boxes.id }).from(boxes).where(eq(boxes.id, boxId)).get()) {
    throw new CloudError('box_not_found', `no box ${boxId}`);
  }
}

/** The first key set of a box. A box that already has keys is rotated instead, never re-created. */
export function createBoxKey(db: Executor, boxId: string, { kek, actor, now = Date.now, master }: BoxKeyOptions): IssuedBoxKeys {
  return db.transaction((tx) => {
    requireBox(tx, boxId);
    if (latestKey(tx, boxId)) throw new CloudError('box_key_exists', `box ${boxId} already has keys; rotate them instead`);
    const at = now();
    const { sealed, keys } = newSealedMaster(kek, boxId, FIRST_KEY_VERSION, master);
    tx.insert(boxKeys).values({ boxId, keyVersion: FIRST_KEY_VERSION, sealedSecret: sealed, status: 'active', createdAt: at }).run();
    appendAudit(tx, { at, actor, action: 'box_key.created', subjectType: 'box', subjectId: boxId, data: { keyVersion: FIRST_KEY_VERSION } });
    return { keyVersion: FIRST_KEY_VERSION, keys };
  });
}

/**
 * A new master secret under the next version. The previous version is retired but kept: the box answers the
 * KEY_ROTATION telegram under its old keys, and telegrams sealed before the switch must still be checked.
 */
export function rotateBoxKey(db: Executor, boxId: string, { kek, actor, now = Date.now, master }: BoxKeyOptions): IssuedBoxKeys {
  return db.transaction((tx) => {
    requireBox(tx, boxId);
    const current = latestKey(tx, boxId);
    if (!current) throw new CloudError('box_key_not_found', `box ${boxId} has no keys to rotate; create them first`);
    if (current.keyVersion >= LAST_KEY_VERSION) {
      throw new CloudError('key_versions_exhausted', `box ${boxId} has used all ${LAST_KEY_VERSION} key versions`);
    }
    const at = now();
    const keyVersion = current.keyVersion + 1;
    const { sealed, keys } = newSealedMaster(kek, boxId, keyVersion, master);
    tx.update(boxKeys)
      .set({ status: 'retired', retiredAt: at })
      .where(and(eq(boxKeys.boxId, boxId), eq(boxKeys.status, 'active')))
      .run();
    tx.insert(boxKeys).values({ boxId, keyVersion, sealedSecret: sealed, status: 'active', createdAt: at }).run();
    appendAudit(tx, {
      at, actor, action: 'box_key.rotated', subjectType: 'box', subjectId: boxId,
      data: { keyVersion, previousVersion: current.keyVersion },
    });
    return { keyVersion, keys };
  });
}

/** The keys of one version, or of the newest when `keyVersion` is omitted. */
export function loadBoxKeys(db: Executor, kek: Kek, boxId: string, keyVersion?: number): BoxKeys {
  checkBoxId(boxId);
  const row = keyVersion === undefined
    ? latestKey(db, boxId)
    : db.select().from(boxKeys).where(and(eq(boxKeys.boxId, boxId), eq(boxKeys.keyVersion, keyVersion))).get();
  if (!row) {
    throw new CloudError('box_key_not_found', `box ${boxId} has no keys${keyVersion === undefined ? '' : ` of version ${keyVersion}`}`);
  }
  return keysFromSealed(kek, boxId, row.keyVersion, row.sealedSecret);
}

/**
 * The version a box's telegrams are sealed under: the newest it has shown in a HELLO, since a rotation queued but
 * not yet carried to the box must not lock it out of payments; undefined (the newest) for a box never seen.
 */
export function sealingKeyVersion(db: Executor, boxId: string): number | undefined {
  return db.select({ v: max(boxSessions.keyVersion) }).from(boxSessions).where(eq(boxSessions.boxId, boxId)).get()?.v ?? undefined;
}
