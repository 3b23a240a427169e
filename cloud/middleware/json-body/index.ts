import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../errors/api-error.ts';
import type { AppEnv } from '../../types.ts';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Parses the JSON body of every write once, before any route runs, so a malformed body is the same 400
 * everywhere and handlers only validate `c.var.body`. An empty body reads as `{}`.
 */
export const jsonBody = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (!WITH_BODY.has(c.req.method)) return next();
  const text = await c.req.text();
  if (text.trim() === '') {
    c.set('body', {});
    return next();
  }
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError({
      status: 415, type: 'invalid_request_error', code: 'unsupported_media_type',
      message: 'send the request body as application/json',
    });
  }
  try {
    c.set('body', JSON.parse(text) as unknown);
  } catch {
    throw new ApiError({ status: 400, type: 'invalid_request_error', code: 'malformed_json', message: 'the request body is not valid JSON' });
  }
  return next();
};
