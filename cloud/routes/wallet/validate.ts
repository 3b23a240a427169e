import type { z } from 'zod';
import { ApiError } from '../../errors/api-error.ts';

/** The body parsed by `schema`, or a 400 naming the first field at fault. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = issue && issue.path.length > 0 ? issue.path.join('.') : undefined;
  throw new ApiError({
    status: 400, type: 'invalid_request_error', code: 'parameter_invalid',
    message: issue ? `${param ?? 'body'}: ${issue.message}` : 'the request body is invalid', ...(param ? { param } : {}),
  });
}

export function notFound(code: string, message: string, param?: string): ApiError {
  return new ApiError({ status: 404, type: 'invalid_request_error', code, message, ...(param ? { param } : {}) });
}

/** A box id as the API accepts it: 16 hex digits, either case; answered in lower case. */
export const BOX_ID = /^[0-9a-fA-F]{16}$/;
