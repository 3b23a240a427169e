import { and, eq, ne } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import type { Executor } from '../../db/open.ts';
import { accounts, operatorSessions } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';
import { operatorActor, type OperatorPrincipal } from './permissions.ts';
import { sha256Hex } from './tokens.ts';

export interface OwnPasswordInput {
  currentPassword: string;
  newPassword: string;
  /** The cookie token of the session making the change: it stays signed in, every other session ends. */
  keepSession?: string;
}

/**
 * Any signed-in operator changes its own password by proving the current one (a stolen session alone cannot
 * take the account over). Other sessions of the account end, since one of them may be the reason for the change.
 */
export async function changeOwnPassword(db: Executor, principal: OperatorPrincipal, input: OwnPasswordInput, now: number): Promise<void> {
  const row = db.select().from(accounts).where(eq(accounts.id, principal.accountId)).get();
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new CloudError('invalid_credentials', 'the current password is wrong');
  }
  checkPasswordPolicy(input.newPassword, row.email);
  const passwordHash = await hashPassword(input.newPassword);
  db.transaction((tx) => {
    tx.update(accounts).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(accounts.id, row.id)).run();
    const keep = input.keepSession === undefined ? undefined : ne(operatorSessions.id, sha256Hex(input.keepSession));
    tx.delete(operatorSessions).where(and(eq(operatorSessions.accountId, row.id), keep)).run();
    appendAudit(tx, {
      actor: operatorActor(principal), action: 'account.password_changed', subjectType: 'account', subjectId: row.id, at: now,
      data: { merchantId: row.merchantId },
    });
  });
}
