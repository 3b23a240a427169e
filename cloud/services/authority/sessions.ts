// Cookie sessions for the site and the operator API. Only SHA-256 of the token is stored, and the CSRF token is
// derived from the session token (HMAC), so the site can put it in every form without storing it anywhere.
import { and, eq, lt, or, sql } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import type { Executor } from '../../db/open.ts';
import { accounts, operatorSessions } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './passwords.ts';
import type { OperatorPrincipal } from './permissions.ts';
import { loadPrincipal } from './principal.ts';
import { hmacBase64url, randomToken, sameSecret, sha256Hex } from './tokens.ts';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_MAX_MS = 12 * 60 * 60_000;
/** Consecutive failed logins that lock an account, and for how long. */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60_000;
/** lastSeenAt is written at most this often, so reading pages does not mean a durable commit per request. */
const TOUCH_EVERY_MS = 60_000;

export interface LoginInput {
  email: string;
  password: string;
}

export interface LoginResult {
  /** The cookie value; shown only here. */
  token: string;
  csrfToken: string;
  principal: OperatorPrincipal;
}

/** The session's CSRF token: the site derives it again from the cookie on every page. */
export function csrfTokenFor(sessionToken: string): string {
  return hmacBase64url(sessionToken, 'waygo-csrf-v1');
}

const invalid = () => new CloudError('invalid_credentials', 'the email or password is wrong');

/**
 * Email + password → a new session. Every refusal is the same `invalid_credentials` (unknown email, wrong
 * password, disabled or locked account) and costs one scrypt, so neither the answer nor its timing says
 * whether an email has an account. LOCKOUT_FAILURES wrong passwords in a row lock the account for LOCKOUT_MS,
 * during which even the right password is refused.
 */
export async function login(db: Executor, input: LoginInput, now: number): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const row = db.select().from(accounts).where(eq(accounts.email, email)).get();
  const usable = row !== undefined && row.status === 'active' && (row.lockedUntil === null || row.lockedUntil <= now);
  const matches = await verifyPassword(input.password, usable ? row.passwordHash : DUMMY_PASSWORD_HASH);
  if (!row || !usable) throw invalid();
  if (!matches) {
    db.transaction((tx) => {
      const failed = tx.update(accounts).set({ failedLogins: sql`${accounts.failedLogins} + 1` }).where(eq(accounts.id, row.id)).returning({ n: accounts.failedLogins }).get();
      if (failed && failed.n >= LOCKOUT_FAILURES) {
        tx.update(accounts).set({ failedLogins: 0, lockedUntil: now + LOCKOUT_MS }).where(eq(accounts.id, row.id)).run();
        appendAudit(tx, {
          actor: 'system', action: 'account.locked', subjectType: 'account', subjectId: row.id, at: now,
          data: { merchantId: row.merchantId, failures: failed.n, until: now + LOCKOUT_MS },
        });
      }
    });
    throw invalid();
  }
  const token = randomToken(32);
  const csrfToken = csrfTokenFor(token);
  db.transaction((tx) => {
    tx.update(accounts).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(accounts.id, row.id)).run();
    tx.delete(operatorSessions).where(and(eq(operatorSessions.accountId, row.id), or(lt(operatorSessions.expiresAt, now), lt(operatorSessions.lastSeenAt, now - SESSION_IDLE_MS)))).run();
    tx.insert(operatorSessions).values({ id: sha256Hex(token), accountId: row.id, csrfHash: sha256Hex(csrfToken), createdAt: now, lastSeenAt: now, expiresAt: now + SESSION_MAX_MS }).run();
    appendAudit(tx, { actor: `operator:${row.id}`, action: 'account.login', subjectType: 'account', subjectId: row.id, at: now, data: { merchantId: row.merchantId } });
  });
  const principal = loadPrincipal(db, row.id, 'session');
  if (!principal) throw invalid();
  return { token, csrfToken, principal };
}

/**
 * A new session for an account without checking a password: for tests and tools that already proved who is
 * acting. The returned token is a cookie value like login's.
 */
export function startSession(db: Executor, accountId: string, now: number): { token: string; csrfToken: string } {
  const token = randomToken(32);
  const csrfToken = csrfTokenFor(token);
  db.insert(operatorSessions).values({ id: sha256Hex(token), accountId, csrfHash: sha256Hex(csrfToken), createdAt: now, lastSeenAt: now, expiresAt: now + SESSION_MAX_MS }).run();
  return { token, csrfToken };
}

/** The principal of a live session; an idle or expired session is deleted and answers null. */
export function sessionPrincipal(db: Executor, token: string, now: number): OperatorPrincipal | null {
  const id = sha256Hex(token);
  const row = db.select().from(operatorSessions).where(eq(operatorSessions.id, id)).get();
  if (!row) return null;
  if (now >= row.expiresAt || now - row.lastSeenAt >= SESSION_IDLE_MS) {
    db.delete(operatorSessions).where(eq(operatorSessions.id, id)).run();
    return null;
  }
  if (now - row.lastSeenAt >= TOUCH_EVERY_MS) db.update(operatorSessions).set({ lastSeenAt: now }).where(eq(operatorSessions.id, id)).run();
  return loadPrincipal(db, row.accountId, 'session');
}

/** Whether `provided` is the CSRF token of the session whose cookie is `token`, checked against the stored hash (constant-time). */
export function csrfMatches(db: Executor, token: string, provided: string): boolean {
  const row = db.select({ csrfHash: operatorSessions.csrfHash }).from(operatorSessions).where(eq(operatorSessions.id, sha256Hex(token))).get();
  return row !== undefined && sameSecret(sha256Hex(provided), row.csrfHash);
}

/** Ends the session whose cookie is `token`; ending an unknown session is not an error. */
export function logout(db: Executor, token: string, now: number): void {
  db.transaction((tx) => {
    const row = tx.delete(operatorSessions).where(eq(operatorSessions.id, sha256Hex(token))).returning({ accountId: operatorSessions.accountId }).get();
    if (!row) return;
    const account = tx.select({ merchantId: accounts.merchantId }).from(accounts).where(eq(accounts.id, row.accountId)).get();
    appendAudit(tx, {
      actor: `operator:${row.accountId}`, action: 'account.logout', subjectType: 'account', subjectId: row.accountId, at: now,
      data: { merchantId: account ? account.merchantId : null },
    });
  });
}
