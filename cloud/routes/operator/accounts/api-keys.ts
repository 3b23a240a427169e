import { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../../../middleware/operator-auth/index.ts';
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from '../../../services/authority/index.ts';
import type { AppEnv } from '../../../types.ts';
import { parseBody } from '../../wallet/validate.ts';
import type { OperatorDeps } from '../deps.ts';
import { forOperator } from '../errors.ts';
import { PAGE_QUERY, parseQuery } from '../query.ts';
import { resourceOperations } from './describe.ts';
import { ApiKey, ApiKeyCreate, ApiKeyPage, CreatedApiKey } from './schemas.ts';

const QUERY = { accountId: z.string().min(1).max(64).optional().describe('only this account\'s keys') };

/** `/api-keys`: keys for scripts; the key itself is answered once, by the POST; `accounts.manage`. */
export function apiKeyRoutes({ db, now }: OperatorDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .use('*', requirePermission('accounts.manage'))
    .get('/', async (c) => {
      const query = parseQuery(c, { ...PAGE_QUERY, ...QUERY });
      return c.json(await forOperator(() => listApiKeys(db, c.var.operator, query)));
    })
    .post('/', async (c) => {
      const body = parseBody(ApiKeyCreate, c.var.body);
      return c.json(await forOperator(() => createApiKey(db, c.var.operator, body, now())), 201);
    })
    .get('/:id', async (c) => c.json(await forOperator(() => getApiKey(db, c.var.operator, c.req.param('id')))))
    .delete('/:id', async (c) => c.json(await forOperator(() => revokeApiKey(db, c.var.operator, c.req.param('id'), now()))));
}

export const operations = resourceOperations({
  path: '/v1/operator/api-keys', tag: 'operator-accounts', noun: 'ApiKey', plural: 'ApiKeys', permission: 'accounts.manage',
  view: { name: 'OperatorApiKey', schema: ApiKey }, page: { name: 'OperatorApiKeyPage', schema: ApiKeyPage },
  create: { name: 'OperatorApiKeyCreate', schema: ApiKeyCreate }, created: { name: 'OperatorCreatedApiKey', schema: CreatedApiKey },
  query: QUERY,
  summaries: {
    list: 'API keys of the accounts the caller may see (never the keys themselves)',
    create: 'Creates a key acting as the caller or as an account the caller may manage; the answer is the only time the key is shown',
    get: 'One key\'s details',
    revoke: 'Revokes a key at once (revoking twice changes nothing)',
  },
  errors: [
    { status: 404, code: 'account_not_found', description: 'no account with this id that the caller may see' },
    { status: 403, code: 'permission_escalation', description: 'the account holds a permission the caller lacks' },
    { status: 400, code: 'expiry_invalid', description: 'expiresAt is not in the future' },
  ],
});
