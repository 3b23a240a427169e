import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError, type ApiErrorBody } from '../../errors/api-error.ts';
import type { Logger } from '../../types.ts';

export interface ErrorHandlerOptions {
  logger: Logger;
}

const INTERNAL: ApiErrorBody = {
  error: { type: 'api_error', code: 'internal_error', message: 'an internal error occurred; try again later', param: null },
};

/**
 * The one place errors become responses. ApiError carries its own status and body; an HTTPException from
 * Hono keeps its 4xx status; anything else is a fault of ours: logged here with its stack, answered with a
 * generic 500 that says nothing about the code.
 */
export const errorHandler = ({ logger }: ErrorHandlerOptions): ErrorHandler => (err, c) => {
  if (err instanceof ApiError) return c.json(err.toBody(), err.status);
  if (err instanceof HTTPException && err.status < 500) {
    const body: ApiErrorBody = {
      error: { type: 'invalid_request_error', code: `http_${err.status}`, message: err.message || 'the request was refused', param: null },
    };
    return c.json(body, err.status as ContentfulStatusCode);
  }
  logger.error('unhandled error', {
    method: c.req.method,
    path: c.req.path,
    error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
  });
  return c.json(INTERNAL, 500);
};

export const notFound = (): NotFoundHandler => (c) => {
  const body = new ApiError({
    status: 404, type: 'invalid_request_error', code: 'route_not_found',
    message: `no route for ${c.req.method} ${c.req.path}`,
  }).toBody();
  return c.json(body, 404);
};
