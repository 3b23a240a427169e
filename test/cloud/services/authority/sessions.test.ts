import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { accounts, auditLog, operatorSessions } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/index.ts';
import {
  LOCKOUT_FAILURES, LOCKOUT_MS, SESSION_IDLE_MS, SESSION_MAX_MS, csrfMatches, csrfTokenFor, login, logout, sessionPrincipal,
} from '../../../../cloud/services/authority/index.ts';
import { sha256Hex } from '../../../../cloud/services/authority/tokens.ts';
import { MERCHANT_A, cheapHash, operatorWorld } from '../../operator-fixtures.ts';


const PASSWORD = 'a cheap test passphrase';
const world = await operatorWorld();
const { db } = world;
const T0 = 1_800_000_000_000;

/** A fixture account whose stored hash is cheap, so that failing logins many times stays fast. */
function cheapAccount(merchantId: string | null = MERCHANT_A) {
  const acct = world.account({ merchantId });
  db.update(accounts).set({ passwordHash: cheapHash(PASSWORD) }).where(eq(accounts.id, acct.id)).run();
  return acct;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (err) {
    return err instanceof CloudError ? `${err.code}: ${err.message}` : String(err);
  }
}

const test = suite('login');

test('the right password opens a session whose cookie token is stored only as its SHA-256, with the derived CSRF token', async () => {
  const acct = cheapAccount();
  const result = await login(db, { email: acct.email.toUpperCase(), password: PASSWORD }, T0);
  assert.is(result.principal.accountId, acct.id);
  assert.is(result.principal.via, 'session');
  assert.is(result.csrfToken, csrfTokenFor(result.token));
  const row = db.select().from(operatorSessions).where(eq(operatorSessions.id, sha256Hex(result.token))).get()!;
  assert.is(row.expiresAt, T0 + SESSION_MAX_MS);
  assert.ok(csrfMatches(db, result.token, result.csrfToken));
  assert.not.ok(csrfMatches(db, result.token, `${result.csrfToken}x`));
  const stored = JSON.stringify(db.select().from(operatorSessions).all());
  assert.not.ok(stored.includes(result.token) || stored.includes(result.csrfToken));
});

test('an unknown email, a wrong password and a disabled account are refused with one and the same error', async () => {
  const acct = cheapAccount();
  const disabled = cheapAccount();
  db.update(accounts).set({ status: 'disabled' }).where(eq(accounts.id, disabled.id)).run();
  const answers = await Promise.all([
    refusal(login(db, { email: 'nobody@example.test', password: PASSWORD }, T0)),
    refusal(login(db, { email: acct.email, password: 'not the password' }, T0)),
    refusal(login(db, { email: disabled.email, password: PASSWORD }, T0)),
  ]);
  assert.equal(new Set(answers).size, 1);
  assert.match(answers[0]!, /^invalid_credentials/);
});

test(`${LOCKOUT_FAILURES} wrong passwords in a row lock the account for 15 minutes, even against the right password, and the lock is audited`, async () => {
  const acct = cheapAccount();
  for (let i = 0; i < LOCKOUT_FAILURES; i++) await refusal(login(db, { email: acct.email, password: 'wrong password' }, T0 + i));
  assert.match(await refusal(login(db, { email: acct.email, password: PASSWORD }, T0 + 10)), /^invalid_credentials/);
  assert.match(await refusal(login(db, { email: acct.email, password: PASSWORD }, T0 + LOCKOUT_MS - 1)), /^invalid_credentials/);
  const locked = db.select().from(auditLog).where(eq(auditLog.action, 'account.locked')).all().filter((r) => r.subjectId === acct.id);
  assert.is(locked.length, 1);
  assert.is((JSON.parse(locked[0]!.data) as { merchantId: string }).merchantId, MERCHANT_A);
  const after = await login(db, { email: acct.email, password: PASSWORD }, T0 + LOCKOUT_MS + 5);
  assert.is(after.principal.accountId, acct.id);
});

test('a successful login resets the failure count, so failures must be consecutive to lock', async () => {
  const acct = cheapAccount();
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < LOCKOUT_FAILURES - 1; i++) await refusal(login(db, { email: acct.email, password: 'wrong password' }, T0));
    await login(db, { email: acct.email, password: PASSWORD }, T0);
  }
  assert.is(db.select().from(accounts).where(eq(accounts.id, acct.id)).get()!.lockedUntil, null);
});

test('neither passwords nor tokens reach the audit log', async () => {
  const acct = cheapAccount();
  const { token, csrfToken } = await login(db, { email: acct.email, password: PASSWORD }, T0);
  const all = JSON.stringify(db.select().from(auditLog).all());
  for (const secret of [PASSWORD, token, csrfToken]) assert.not.ok(all.includes(secret));
});

test.run();

const sessions = suite('sessionPrincipal');

sessions('a session slides while used, ends after 30 idle minutes, and ends at 12 hours however busy', async () => {
  const acct = cheapAccount();
  const { token } = await login(db, { email: acct.email, password: PASSWORD }, T0);
  let t = T0;
  while (t + SESSION_IDLE_MS - 60_000 < T0 + SESSION_MAX_MS) {
    t += SESSION_IDLE_MS - 60_000;
    if (t >= T0 + SESSION_MAX_MS) break;
    assert.ok(sessionPrincipal(db, token, t), `alive at ${(t - T0) / 60_000} min`);
  }
  assert.is(sessionPrincipal(db, token, T0 + SESSION_MAX_MS), null);
  const second = await login(db, { email: acct.email, password: PASSWORD }, T0);
  assert.ok(sessionPrincipal(db, second.token, T0 + SESSION_IDLE_MS - 1));
  assert.is(sessionPrincipal(db, second.token, T0 + 2 * SESSION_IDLE_MS), null);
  assert.is(db.select().from(operatorSessions).where(eq(operatorSessions.id, sha256Hex(second.token))).get(), undefined);
});

sessions('logout ends the session, and a disabled account\'s session stops working at once', async () => {
  const acct = cheapAccount();
  const a = await login(db, { email: acct.email, password: PASSWORD }, T0);
  logout(db, a.token, T0 + 1);
  assert.is(sessionPrincipal(db, a.token, T0 + 2), null);
  const b = await login(db, { email: acct.email, password: PASSWORD }, T0);
  db.update(accounts).set({ status: 'disabled' }).where(eq(accounts.id, acct.id)).run();
  assert.is(sessionPrincipal(db, b.token, T0 + 2), null);
  logout(db, 'not a session', T0);
});

sessions.after(() => world.cleanup());
sessions.run();
