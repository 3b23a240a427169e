import { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../../../middleware/operator-auth/index.ts';
import { createAccount, getAccount, listAccounts, updateAccount } from '../../../services/authority/index.ts';
import type { AppEnv } from '../../../types.ts';
import { parseBody } from '../../wallet/validate.ts';
import type { OperatorDeps } from '../deps.ts';
import { forOperator } from '../errors.ts';
import { PAGE_QUERY, parseQuery } from '../query.ts';
import { resourceOperations } from './describe.ts';
import { Account, AccountCreate, AccountPage, AccountUpdate } from './schemas.ts';

const QUERY = { status: z.enum(['active', 'disabled']).optional().describe('only accounts with this status') };

/** `/accounts`: the merchant's own accounts (every account for a platform account); `accounts.manage`. */
export function accountRoutes({ db, now }: OperatorDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .use('*', requirePermission('accounts.manage'))
    .get('/', async (c) => {
      const query = parseQuery(c, { ...PAGE_QUERY, ...QUERY });
      return c.json(await forOperator(() => listAccounts(db, c.var.operator, query)));
    })
    .post('/', async (c) => {
      const body = parseBody(AccountCreate, c.var.body);
      return c.json(await forOperator(() => createAccount(db, c.var.operator, body, now())), 201);
    })
    .get('/:id', async (c) => c.json(await forOperator(() => getAccount(db, c.var.operator, c.req.param('id')))))
    .patch('/:id', async (c) => {
      const body = parseBody(AccountUpdate, c.var.body);
      return c.json(await forOperator(() => updateAccount(db, c.var.operator, c.req.param('id'), body, now())));
    });
}

export const operations = resourceOperations({
  path: '/v1/operator/accounts', tag: 'operator-accounts', noun: 'Account', plural: 'Accounts', permission: 'accounts.manage',
  view: { name: 'OperatorAccount', schema: Account }, page: { name: 'OperatorAccountPage', schema: AccountPage },
  create: { name: 'OperatorAccountCreate', schema: AccountCreate }, update: { name: 'OperatorAccountUpdate', schema: AccountUpdate },
  query: QUERY,
  summaries: {
    list: 'Accounts the caller may see: its merchant\'s, or every account for a platform account',
    create: 'Creates an account with a role of the same merchant; the role may hold nothing the caller lacks',
    get: 'One account',
    update: 'Renames, changes role or department, disables or re-enables, or sets a new password',
  },
  errors: [
    { status: 404, code: 'role_not_found', description: 'no role with this id for the account\'s merchant' },
    { status: 404, code: 'department_not_found', description: 'no department with this id for the account\'s merchant' },
    { status: 404, code: 'merchant_not_found', description: 'no merchant with this id' },
    { status: 403, code: 'permission_escalation', description: 'the role (or the account acted on) holds a permission the caller lacks' },
    { status: 409, code: 'email_taken', description: 'an account with this email exists' },
    { status: 409, code: 'account_self_disable', description: 'an account cannot disable itself' },
    { status: 422, code: 'password_weak', description: 'shorter than 12 characters, or the email address' },
  ],
});
