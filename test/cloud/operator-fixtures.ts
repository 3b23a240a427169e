// An operator's world for route and service tests: the whole app on a temp SQLite file (simulator acquirer, so
// every optional route is mounted), two merchants, and accounts with exactly the permissions a test asks for,
// each with an API key and a signed-in cookie session. Accounts share one password hash per test file, made at
// a tiny scrypt cost: verifyPassword reads the cost from the stored hash, so logging in works the same, while
// production cost (N=2^17, hundreds of ms per hash on a busy machine) is proven in the password tests.
import { randomBytes, scryptSync } from 'node:crypto';
import { join } from 'node:path';
import { createSimulatorAcquirer } from '../../cloud/acquirers/index.ts';
import { buildApp } from '../../cloud/app.ts';
import { merchants, stores } from '../../cloud/db/schema/index.ts';
import {
  PERMISSIONS, createApiKey, createRole, insertAccount, loadPrincipal, startSession,
  type OperatorPrincipal, type Permission,
} from '../../cloud/services/authority/index.ts';
import { migratedDatabase, randomKek, tempDir } from './fixtures.ts';

/** Every fixture account's password. */
export const FIXTURE_PASSWORD = 'correct horse battery staple';
export const MERCHANT_A = 'm_a';
export const MERCHANT_B = 'm_b';
export const STORE_A = 's_a';
export const STORE_B = 's_b';

/** Acts for the fixtures themselves when they create roles and keys; holds everything, sees every merchant. */
const ROOT: OperatorPrincipal = { accountId: 'fixture', merchantId: null, permissions: [...PERMISSIONS], via: 'api_key', locale: 'en' };
const quiet = { info: () => undefined, error: () => undefined };

/** A stored hash in the production format (`scrypt$N$r$p$salt$hash`) at N=2^10: for tests only. */
export function cheapHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 64, { N: 1024, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

let passwordHash: string | undefined;

export interface AccountOptions {
  /** null (default): a platform account. */
  merchantId?: string | null;
  /** Default: every permission. */
  permissions?: readonly Permission[];
  email?: string;
  locale?: 'en' | 'zh-TW';
}

export interface FixtureAccount {
  id: string;
  email: string;
  /** Send as `Authorization: Bearer <apiKey>`. */
  apiKey: string;
  /** Send as the `Cookie` header: `waygo_session=…`. */
  cookie: string;
  /** The cookie session's CSRF token (X-CSRF-Token header or `_csrf` form field). */
  csrf: string;
  principal: OperatorPrincipal;
  /** The same principal as a cookie session (`via: 'session'`). */
  sessionPrincipal: OperatorPrincipal;
}

export interface RequestOptions {
  /** `key` (default): the bearer API key; `cookie`: the session with its CSRF header; `cookie-no-csrf`: without. */
  via?: 'key' | 'cookie' | 'cookie-no-csrf';
  body?: unknown;
  headers?: Record<string, string>;
}

/** A settable clock: services and the app read `now()`. Starts at the real time. */
export function fixtureClock(start = Date.now()) {
  let t = start;
  return { now: () => t, set: (ms: number) => void (t = ms), advance: (ms: number) => void (t += ms) };
}

export async function operatorWorld() {
  const dir = tempDir();
  const database = migratedDatabase(join(dir.path, 'cloud.db'));
  const { db } = database;
  const kek = randomKek();
  const clock = fixtureClock();
  const acquirer = createSimulatorAcquirer();
  db.insert(merchants).values([
    { id: MERCHANT_A, name: 'Laundry Corner', code: 'A0001', createdAt: 1 },
    { id: MERCHANT_B, name: 'Arcade', code: 'B0001', createdAt: 1 },
  ]).run();
  db.insert(stores).values([
    { id: STORE_A, merchantId: MERCHANT_A, name: 'Main Street', createdAt: 1 },
    { id: STORE_B, merchantId: MERCHANT_B, name: 'Pier', createdAt: 1 },
  ]).run();
  const app = buildApp({ db, kek, bodyLimit: 1 << 20, version: 'test', logger: quiet, now: clock.now, acquirer });
  passwordHash ??= cheapHash(FIXTURE_PASSWORD);
  const hash = passwordHash;
  let created = 0;

  /** An account created directly through the authority service (no HTTP), signed in and holding an API key. */
  function account({ merchantId = null, permissions = PERMISSIONS, email, locale = 'en' }: AccountOptions = {}): FixtureAccount {
    created++;
    const now = clock.now();
    const role = createRole(db, ROOT, { name: `role ${created}`, permissions: [...permissions], merchantId }, now);
    const view = insertAccount(db, 'system', {
      id: `acc_fixture${created}`, merchantId, departmentId: null, roleId: role.id, email: email ?? `operator${created}@example.test`,
      displayName: `Operator ${created}`, passwordHash: hash, locale, createdAt: now,
    });
    const { key } = createApiKey(db, ROOT, { name: 'fixture', accountId: view.id }, now);
    const session = startSession(db, view.id, now);
    const principal = loadPrincipal(db, view.id, 'api_key')!;
    return {
      id: view.id, email: view.email, apiKey: key, cookie: `waygo_session=${session.token}`, csrf: session.csrfToken,
      principal, sessionPrincipal: { ...principal, via: 'session' },
    };
  }

  /** `app.request` as `who` (none: no credentials); a body is sent as JSON. */
  function request(who: FixtureAccount | null, method: string, path: string, { via = 'key', body, headers = {} }: RequestOptions = {}): Promise<Response> {
    const h: Record<string, string> = { ...headers };
    if (who && via === 'key') h.authorization = `Bearer ${who.apiKey}`;
    if (who && via !== 'key') h.cookie = who.cookie;
    if (who && via === 'cookie') h['x-csrf-token'] = who.csrf;
    if (body !== undefined) h['content-type'] = 'application/json';
    return Promise.resolve(app.request(path, { method, headers: h, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }));
  }

  return {
    app, db, database, kek, clock, acquirer, account, request,
    merchants: { a: MERCHANT_A, b: MERCHANT_B }, stores: { a: STORE_A, b: STORE_B },
    cleanup: () => { database.close(); dir.remove(); },
  };
}

export type OperatorWorld = Awaited<ReturnType<typeof operatorWorld>>;
