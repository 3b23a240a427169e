import type { MiddlewareHandler } from 'hono';
import type { Executor } from '../../db/open.ts';
import { ApiError } from '../../errors/api-error.ts';
import type { Permission } from '../../services/authority/index.ts';
import type { AppEnv } from '../../types.ts';
import { authenticate, checkCsrf } from './credentials.ts';

export interface OperatorAuthOptions {
  db: Executor;
  now?: () => number;
}

/**
 * Sets `c.var.operator` from a cookie session or an API key: 401 `authentication_required` without valid
 * credentials, 403 `csrf_failed` for an unsafe cookie request without the session's CSRF token.
 */
export const operatorAuth = ({ db, now = Date.now }: OperatorAuthOptions): MiddlewareHandler<AppEnv> => async (c, next) => {
  const principal = authenticate(c, db, now());
  if (!principal) {
    throw new ApiError({
      status: 401, type: 'authentication_error', code: 'authentication_required',
      message: 'sign in (session cookie) or send Authorization: Bearer <API key>',
    });
  }
  if (!checkCsrf(c, principal)) {
    throw new ApiError({ status: 403, type: 'authentication_error', code: 'csrf_failed', message: 'send the session\'s CSRF token in X-CSRF-Token', param: 'X-CSRF-Token' });
  }
  c.set('operator', principal);
  await next();
};

/** 403 `permission_denied` unless the operator's role grants `permission`. */
export const requirePermission = (permission: Permission): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (!c.var.operator.permissions.includes(permission)) {
    throw new ApiError({ status: 403, type: 'invalid_request_error', code: 'permission_denied', message: `this needs the ${permission} permission` });
  }
  await next();
};
