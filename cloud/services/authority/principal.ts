import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { accounts } from '../../db/schema/index.ts';
import type { OperatorPrincipal } from './permissions.ts';
import { permissionsOfRole } from './roles.ts';

/**
 * The principal of an active account, read fresh on every request: a disabled account or a changed role takes
 * effect on the next request, for cookie sessions and API keys alike.
 */
export function loadPrincipal(db: Executor, accountId: string, via: OperatorPrincipal['via']): OperatorPrincipal | null {
  const row = db.select().from(accounts).where(eq(accounts.id, accountId)).get();
  if (!row || row.status !== 'active') return null;
  return {
    accountId: row.id, merchantId: row.merchantId, permissions: permissionsOfRole(db, row.roleId), via,
    locale: row.locale === 'zh-TW' ? 'zh-TW' : 'en',
  };
}
