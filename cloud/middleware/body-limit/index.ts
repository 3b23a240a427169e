import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { ApiError } from '../../errors/api-error.ts';

export interface BodyLimitOptions {
  maxBytes: number;
}

/** Hono's body limit (it also counts chunked bodies that send no Content-Length), answered in the API's shape. */
export const bodyLimit = ({ maxBytes }: BodyLimitOptions): MiddlewareHandler =>
  honoBodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError({
        status: 413, type: 'invalid_request_error', code: 'body_too_large',
        message: `the request body is larger than ${maxBytes} bytes`,
      });
    },
  });
