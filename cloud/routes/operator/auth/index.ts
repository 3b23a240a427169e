import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../../errors/api-error.ts';
import { clearSessionCookie, clientAddress, sessionCookie, sessionCsrf, sessionToken, slidingWindowLimiter } from '../../../middleware/operator-auth/index.ts';
import { changeOwnPassword, login, logout } from '../../../services/authority/index.ts';
import type { OperatorPrincipal } from '../../../services/authority/index.ts';
import type { AppEnv } from '../../../types.ts';
import { parseBody } from '../../wallet/validate.ts';
import type { OperatorDeps } from '../deps.ts';
import { forOperator } from '../errors.ts';
import { LoginAnswer, LoginBody, MeAnswer, PasswordChange } from './schemas.ts';

export { operations } from './operations.ts';

/** Login attempts per client address per minute, whatever the emails: slows guessing across many accounts. */
export const LOGIN_ATTEMPTS_PER_MINUTE = 10;

function me(principal: OperatorPrincipal): z.infer<typeof MeAnswer> {
  return { accountId: principal.accountId, merchantId: principal.merchantId, permissions: [...principal.permissions], via: principal.via, locale: principal.locale };
}

/** POST /auth/login: open to anyone (mounted before operator-auth). */
export function loginRoutes({ db, now }: OperatorDeps): Hono<AppEnv> {
  const limiter = slidingWindowLimiter({ max: LOGIN_ATTEMPTS_PER_MINUTE, windowMs: 60_000, now });
  return new Hono<AppEnv>().post('/login', async (c) => {
    const retryAfter = limiter.hit(clientAddress(c));
    if (retryAfter > 0) {
      c.header('Retry-After', String(retryAfter));
      throw new ApiError({ status: 429, type: 'rate_limit_error', code: 'rate_limited', message: `too many login attempts; retry in ${retryAfter} s` });
    }
    const body = parseBody(LoginBody, c.var.body);
    const result = await forOperator(() => login(db, body, now()));
    sessionCookie(c, result.token);
    const answer: z.infer<typeof LoginAnswer> = { csrfToken: result.csrfToken, operator: me(result.principal) };
    return c.json(answer);
  });
}

/** GET /auth/me, POST /auth/password and POST /auth/logout, behind operator-auth: about the caller's own account. */
export function authRoutes({ db, now }: OperatorDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/me', (c) => {
      const csrf = c.var.operator.via === 'session' ? sessionCsrf(c) : undefined;
      return c.json({ ...me(c.var.operator), ...(csrf ? { csrfToken: csrf } : {}) });
    })
    .post('/password', async (c) => {
      const body = parseBody(PasswordChange, c.var.body);
      const token = c.var.operator.via === 'session' ? sessionToken(c) : undefined;
      await forOperator(() => changeOwnPassword(db, c.var.operator, { ...body, ...(token ? { keepSession: token } : {}) }, now()));
      return c.body(null, 204);
    })
    .post('/logout', (c) => {
      const token = sessionToken(c);
      if (c.var.operator.via === 'session' && token) logout(db, token, now());
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}
