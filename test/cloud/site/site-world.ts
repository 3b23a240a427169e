// A cloud app on a temp SQLite file with merchants, roles and signed-in accounts for the site's page tests.
// Accounts get sessions directly (no scrypt), so a test file stays fast; only the login test hashes a password.
import { buildApp } from '../../../cloud/app.ts';
import type { Db } from '../../../cloud/db/open.ts';
import { merchants, stores } from '../../../cloud/db/schema/index.ts';
import { createRole, insertAccount, PERMISSIONS, startSession, type OperatorPrincipal, type Permission } from '../../../cloud/services/authority/index.ts';
import { newId } from '../../../cloud/services/authority/tokens.ts';
import { migratedDatabase, randomKek, tempDir } from '../fixtures.ts';

export interface SiteAccount {
  id: string;
  /** `Cookie` header value of a live session. */
  cookie: string;
  csrf: string;
  principal: OperatorPrincipal;
}

export interface SiteWorld {
  app: ReturnType<typeof buildApp>;
  db: Db;
  now: () => number;
  setNow(ms: number): void;
  account(options: { merchantId?: string | null; permissions?: readonly Permission[]; locale?: 'en' | 'zh-TW' }): SiteAccount;
  /** GET with the account's cookie. */
  get(path: string, who?: SiteAccount, headers?: Record<string, string>): Promise<Response>;
  /** POST a urlencoded form with the account's cookie and (unless `csrf: false`) its CSRF token. */
  post(path: string, who: SiteAccount | undefined, fields: Record<string, string>, options?: { csrf?: boolean }): Promise<Response>;
  cleanup(): void;
}

export const MERCHANT_A = 'm_a';
export const MERCHANT_B = 'm_b';

const ROOT: OperatorPrincipal = { accountId: 'acc_test_root', merchantId: null, permissions: PERMISSIONS, via: 'session', locale: 'en' };

export function siteWorld(): SiteWorld {
  const dir = tempDir();
  const database = migratedDatabase(`${dir.path}/site.db`);
  const { db } = database;
  let clock = Date.UTC(2026, 10, 24, 9, 30);
  const now = () => clock;
  const app = buildApp({ db, kek: randomKek(), bodyLimit: 1 << 20, version: 'test', now, logger: { info() {}, error() {} } });
  for (const [id, code] of [[MERCHANT_A, 'A001'], [MERCHANT_B, 'B001']] as const) {
    db.insert(merchants).values({ id, name: `Merchant ${code}`, code, createdAt: 1 }).run();
    db.insert(stores).values({ id: `s_${id}`, merchantId: id, name: `Store of ${code}`, createdAt: 1 }).run();
  }
  let n = 0;
  const account: SiteWorld['account'] = ({ merchantId = null, permissions = PERMISSIONS, locale = 'en' }) => {
    const role = createRole(db, ROOT, { name: `role ${++n}`, permissions: [...permissions], merchantId }, clock);
    const view = insertAccount(db, 'test', {
      id: newId('acc'), merchantId, departmentId: null, roleId: role.id, email: `user${n}@example.test`,
      displayName: `User ${n}`, passwordHash: 'not-a-hash', locale, createdAt: clock,
    });
    const session = startSession(db, view.id, clock);
    return {
      id: view.id, cookie: `waygo_session=${session.token}`, csrf: session.csrfToken,
      principal: { accountId: view.id, merchantId, permissions: role.permissions, via: 'session', locale },
    };
  };
  const get: SiteWorld['get'] = (path, who, headers = {}) =>
    Promise.resolve(app.request(path, { headers: { ...(who ? { cookie: who.cookie } : {}), ...headers } }));
  const post: SiteWorld['post'] = (path, who, fields, { csrf = true } = {}) => {
    const body = new URLSearchParams({ ...fields, ...(who && csrf ? { _csrf: who.csrf } : {}) });
    return Promise.resolve(app.request(path, {
      method: 'POST', body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(who ? { cookie: who.cookie } : {}) },
    }));
  };
  return {
    app, db, now, setNow: (ms) => { clock = ms; }, account, get, post,
    cleanup: () => { database.close(); dir.remove(); },
  };
}
