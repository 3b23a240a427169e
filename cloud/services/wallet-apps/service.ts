// Wallet apps and their request-signing keys. The key is drawn here, handed out once at creation, and kept only
// sealed under the KEK; the signature middleware opens it per request to check the HMAC.
import { randomBytes } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import type { Kek } from '../../crypto/kek.ts';
import { openSecret, sealSecret } from '../../crypto/seal.ts';
import type { Executor } from '../../db/open.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { walletApps } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';

export const SIGNING_KEY_BYTES = 32;

export interface WalletAppOptions {
  kek: Kek;
  /** Recorded in the audit log as who did it. */
  actor: string;
  now?: () => number;
}

export interface CreatedWalletApp {
  /** The key id the app sends in `WayGo-Key-Id`. */
  id: string;
  walletId: number;
  /** The signing key, base64url. Returned only here; the cloud cannot show it again. */
  signingKey: string;
}

export interface ActiveWalletApp {
  id: string;
  walletId: number;
  signingKey: Uint8Array;
}

/** The blob opens only for its own app, so a sealed key copied onto another row is useless. */
const context = (id: string) => `wallet_apps/${id}/signing`;

export function createWalletApp(db: Executor, name: string, { kek, actor, now = Date.now }: WalletAppOptions): CreatedWalletApp {
  return db.transaction((tx) => {
    const id = `wa_${randomBytes(12).toString('hex')}`;
    const last = tx.select({ walletId: walletApps.walletId }).from(walletApps).orderBy(desc(walletApps.walletId)).limit(1).get();
    const walletId = (last?.walletId ?? 0) + 1;
    const key = randomBytes(SIGNING_KEY_BYTES);
    const at = now();
    try {
      tx.insert(walletApps).values({
        id, walletId, name, sealedSigningKey: Buffer.from(sealSecret(kek, key, context(id))), status: 'active', createdAt: at,
      }).run();
      appendAudit(tx, { at, actor, action: 'wallet_app.created', subjectType: 'wallet_app', subjectId: id, data: { walletId, name } });
      return { id, walletId, signingKey: key.toString('base64url') };
    } finally {
      key.fill(0);
    }
  });
}

/** Stops the app's requests at once: its key id then fails like an unknown one. */
export function disableWalletApp(db: Executor, id: string, { actor, now = Date.now }: Omit<WalletAppOptions, 'kek'>): void {
  db.transaction((tx) => {
    const row = tx.select({ status: walletApps.status }).from(walletApps).where(eq(walletApps.id, id)).get();
    if (!row) throw new CloudError('wallet_app_not_found', `no wallet app ${id}`);
    if (row.status === 'suspended') return;
    const at = now();
    tx.update(walletApps).set({ status: 'suspended' }).where(eq(walletApps.id, id)).run();
    appendAudit(tx, { at, actor, action: 'wallet_app.disabled', subjectType: 'wallet_app', subjectId: id, data: { previousStatus: row.status } });
  });
}

/** The app with its opened signing key, or undefined when it is unknown or not active. */
const walletAppById = preparedQuery((db) => db.select().from(walletApps).where(eq(walletApps.id, sql.placeholder('id'))).prepare());

export function loadActiveWalletApp(db: Executor, kek: Kek, id: string): ActiveWalletApp | undefined {
  const row = walletAppById(db).get({ id });
  if (!row || row.status !== 'active') return undefined;
  return { id: row.id, walletId: row.walletId, signingKey: openSecret(kek, row.sealedSigningKey, context(row.id)) };
}
