import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { ApiError } from '../../errors/api-error.ts';
import type { AppEnv } from '../../types.ts';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** Route handlers made by acceptsText, with the media types each takes as text. */
const textRoutes = new WeakMap<object, readonly string[]>();

/**
 * Put first in a route's handlers to take a body of these media types as it is: jsonBody, which runs before any
 * route, sees the marker among the request's matched handlers and leaves the text in `c.var.body`. Every other
 * route keeps answering 415 to anything but JSON.
 */
export function acceptsText(...mediaTypes: string[]): MiddlewareHandler<AppEnv> {
  const marker: MiddlewareHandler<AppEnv> = (_c, next) => next();
  textRoutes.set(marker, mediaTypes.map((t) => t.toLowerCase()));
  return marker;
}

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
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    if (matchedRoutes(c).some((r) => textRoutes.get(r.handler)?.includes(mediaType))) {
      c.set('body', text);
      return next();
    }
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
