import { Hono } from 'hono';
import { requirePermission } from '../../../middleware/operator-auth/index.ts';
import { createDepartment, deleteDepartment, getDepartment, listDepartments, renameDepartment } from '../../../services/authority/index.ts';
import type { AppEnv } from '../../../types.ts';
import { parseBody } from '../../wallet/validate.ts';
import type { OperatorDeps } from '../deps.ts';
import { forOperator, type ErrorMapping } from '../errors.ts';
import { PAGE_QUERY, parseQuery } from '../query.ts';
import { resourceOperations } from './describe.ts';
import { Department, DepartmentCreate, DepartmentPage, DepartmentUpdate } from './schemas.ts';

const IN_USE: ErrorMapping = { department_in_use: [409] };

/** `/departments`: how a merchant groups its accounts; `accounts.manage`. */
export function departmentRoutes({ db, now }: OperatorDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .use('*', requirePermission('accounts.manage'))
    .get('/', async (c) => {
      const query = parseQuery(c, PAGE_QUERY);
      return c.json(await forOperator(() => listDepartments(db, c.var.operator, query)));
    })
    .post('/', async (c) => {
      const body = parseBody(DepartmentCreate, c.var.body);
      return c.json(await forOperator(() => createDepartment(db, c.var.operator, body, now())), 201);
    })
    .get('/:id', async (c) => c.json(await forOperator(() => getDepartment(db, c.var.operator, c.req.param('id')))))
    .patch('/:id', async (c) => {
      const { name } = parseBody(DepartmentUpdate, c.var.body);
      return c.json(await forOperator(() => renameDepartment(db, c.var.operator, c.req.param('id'), name, now())));
    })
    .delete('/:id', async (c) => c.json(await forOperator(() => deleteDepartment(db, c.var.operator, c.req.param('id'), now()), IN_USE)));
}

export const operations = resourceOperations({
  path: '/v1/operator/departments', tag: 'operator-accounts', noun: 'Department', plural: 'Departments', permission: 'accounts.manage',
  view: { name: 'OperatorDepartment', schema: Department }, page: { name: 'OperatorDepartmentPage', schema: DepartmentPage },
  create: { name: 'OperatorDepartmentCreate', schema: DepartmentCreate }, update: { name: 'OperatorDepartmentUpdate', schema: DepartmentUpdate },
  summaries: {
    list: 'Departments the caller may see, newest first', create: 'Creates a department', get: 'One department', update: 'Renames a department',
    remove: 'Deletes a department that no account sits in, disabled accounts included',
  },
  removeErrors: [{ status: 409, code: 'department_in_use', description: 'an account sits in the department; move it first' }],
  errors: [{ status: 404, code: 'merchant_not_found', description: 'no merchant with this id' }],
});
