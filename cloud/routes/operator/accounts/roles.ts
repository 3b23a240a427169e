import { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../../../middleware/operator-auth/index.ts';
import { createRole, deleteRole, getRole, listRoles, updateRole } from '../../../services/authority/index.ts';
import type { AppEnv } from '../../../types.ts';
import { parseBody } from '../../wallet/validate.ts';
import type { OperatorDeps } from '../deps.ts';
import { forOperator, type ErrorMapping } from '../errors.ts';
import { PAGE_QUERY, parseQuery } from '../query.ts';
import { resourceOperations } from './describe.ts';
import { Role, RoleCreate, RolePage, RoleUpdate } from './schemas.ts';

const QUERY = {
  merchantId: z.string().min(1).max(64).optional().describe('platform accounts: only this merchant\'s roles, or `platform` for platform roles'),
};

const IN_USE: ErrorMapping = { role_in_use: [409] };

/** `/roles`: a role is a named set of permissions, of one merchant or of the platform; `accounts.manage`. */
export function roleRoutes({ db, now }: OperatorDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .use('*', requirePermission('accounts.manage'))
    .get('/', async (c) => {
      const { merchantId, ...page } = parseQuery(c, { ...PAGE_QUERY, ...QUERY });
      const scope = merchantId === undefined ? {} : { merchantId: merchantId === 'platform' ? null : merchantId };
      return c.json(await forOperator(() => listRoles(db, c.var.operator, { ...page, ...scope })));
    })
    .post('/', async (c) => {
      const body = parseBody(RoleCreate, c.var.body);
      return c.json(await forOperator(() => createRole(db, c.var.operator, body, now())), 201);
    })
    .get('/:id', async (c) => c.json(await forOperator(() => getRole(db, c.var.operator, c.req.param('id')))))
    .patch('/:id', async (c) => {
      const body = parseBody(RoleUpdate, c.var.body);
      return c.json(await forOperator(() => updateRole(db, c.var.operator, c.req.param('id'), body, now())));
    })
    .delete('/:id', async (c) => c.json(await forOperator(() => deleteRole(db, c.var.operator, c.req.param('id'), now()), IN_USE)));
}

export const operations = resourceOperations({
  path: '/v1/operator/roles', tag: 'operator-accounts', noun: 'Role', plural: 'Roles', permission: 'accounts.manage',
  view: { name: 'OperatorRole', schema: Role }, page: { name: 'OperatorRolePage', schema: RolePage },
  create: { name: 'OperatorRoleCreate', schema: RoleCreate }, update: { name: 'OperatorRoleUpdate', schema: RoleUpdate },
  query: QUERY,
  summaries: {
    list: 'Roles the caller may see, newest first',
    create: 'Creates a role holding only permissions the caller holds',
    get: 'One role and its permissions',
    update: 'Renames a role or replaces its permissions (changing a role the caller could not hold is refused)',
    remove: 'Deletes a role that no account holds, disabled accounts included',
  },
  removeErrors: [
    { status: 409, code: 'role_in_use', description: 'an account holds the role; give it another role first' },
    { status: 403, code: 'permission_escalation', description: 'the role grants a permission the caller lacks' },
  ],
  errors: [
    { status: 403, code: 'permission_escalation', description: 'a permission the caller lacks' },
    { status: 404, code: 'merchant_not_found', description: 'no merchant with this id' },
  ],
});
