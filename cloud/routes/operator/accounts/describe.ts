import type { z } from 'zod';
import type { ErrorDescription, NamedSchema, OperationDescription } from '../../../openapi/types.ts';
import type { Permission } from '../../../services/authority/permissions.ts';
import { PAGE_QUERY } from '../query.ts';
import { ID_PARAM } from './schemas.ts';

export interface ResourceDescription {
  /** `/v1/operator/roles` */
  path: string;
  tag: string;
  /** `Role` — operation ids are `listRoles`, `createRole`, `getRole`, `updateRole`. */
  noun: string;
  plural: string;
  permission: Permission;
  view: NamedSchema;
  page: NamedSchema;
  create: NamedSchema;
  /** Absent for a resource that is never changed, only revoked (`revoke` then names its DELETE). */
  update?: NamedSchema;
  created?: NamedSchema;
  query?: Record<string, z.ZodType>;
  /** What create and update refuse with, besides the shared errors. */
  errors: ErrorDescription[];
  summaries: { list: string; create: string; get: string; update?: string; revoke?: string; remove?: string };
  /** What the DELETE of `summaries.remove` refuses with, besides not found. */
  removeErrors?: ErrorDescription[];
}

/**
 * The list / create / get / update (or revoke) operations every authority resource has, described the same
 * way. A row of another merchant answers 404 exactly like a missing one.
 */
export function resourceOperations(r: ResourceDescription): OperationDescription[] {
  const common = { tag: r.tag, security: 'operator' as const, permission: r.permission };
  const notFound: ErrorDescription = { status: 404, code: `${r.noun.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()}_not_found`, description: `no ${r.noun} with this id that the caller may see` };
  const cursor: ErrorDescription = { status: 400, code: 'cursor_invalid', description: 'the cursor is not one this API returned' };
  const query: ErrorDescription = { status: 400, code: 'parameter_invalid', description: 'a query parameter is invalid; `param` names it' };
  const one = { 200: { description: `the ${r.noun}`, body: r.view } };
  const ops: OperationDescription[] = [
    {
      ...common, method: 'get', path: r.path, operationId: `list${r.plural}`, summary: r.summaries.list,
      query: { ...PAGE_QUERY, ...r.query }, responses: { 200: { description: 'a page, newest first', body: r.page } }, errors: [cursor, query],
    },
    {
      ...common, method: 'post', path: r.path, operationId: `create${r.noun}`, summary: r.summaries.create, body: r.create,
      responses: { 201: { description: 'created', body: r.created ?? r.view } }, errors: r.errors,
    },
    { ...common, method: 'get', path: `${r.path}/:id`, operationId: `get${r.noun}`, summary: r.summaries.get, params: ID_PARAM, responses: one, errors: [notFound] },
  ];
  if (r.update && r.summaries.update) {
    ops.push({
      ...common, method: 'patch', path: `${r.path}/:id`, operationId: `update${r.noun}`, summary: r.summaries.update, params: ID_PARAM,
      body: r.update, responses: one, errors: [notFound, ...r.errors],
    });
  }
  if (r.summaries.revoke) {
    ops.push({ ...common, method: 'delete', path: `${r.path}/:id`, operationId: `revoke${r.noun}`, summary: r.summaries.revoke, params: ID_PARAM, responses: one, errors: [notFound] });
  }
  if (r.summaries.remove) {
    ops.push({
      ...common, method: 'delete', path: `${r.path}/:id`, operationId: `delete${r.noun}`, summary: r.summaries.remove, params: ID_PARAM,
      responses: { 200: { description: `the ${r.noun} as it was before it was deleted`, body: r.view } }, errors: [notFound, ...(r.removeErrors ?? [])],
    });
  }
  return ops;
}
