import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../errors/api-error.ts';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '../../services/authority/page.ts';

/** `?limit=&cursor=` of every operator list (docs/operator-api.md, "Pagination"). */
export const PAGE_QUERY = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT).describe(`rows per page, 1..${MAX_PAGE_LIMIT} (default ${DEFAULT_PAGE_LIMIT})`),
  cursor: z.string().min(1).max(512).optional().describe('the previous page\'s nextCursor'),
};

/** The answer of every list: a page of rows and the cursor of the next page (null on the last). */
export function pageSchema<T extends z.ZodType>(row: T) {
  return z.object({ data: z.array(row), nextCursor: z.string().nullable().describe('pass as ?cursor= for the next page; null on the last page') });
}

/** The query string parsed by `shape`, or a 400 `parameter_invalid` naming the first parameter at fault. */
export function parseQuery<S extends z.ZodRawShape>(c: Context, shape: S): z.infer<z.ZodObject<S>> {
  const parsed = z.object(shape).safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = issue && issue.path.length > 0 ? issue.path.join('.') : undefined;
  throw new ApiError({
    status: 400, type: 'invalid_request_error', code: 'parameter_invalid',
    message: issue ? `${param ?? 'query'}: ${issue.message}` : 'the query string is invalid', ...(param ? { param } : {}),
  });
}
