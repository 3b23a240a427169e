import { z } from 'zod';

/** A whole number from a string (environment) or a number (JSON file); anything else stays as is and fails. */
const wholeNumber = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v.trim()) : v), z.number().int().min(min).max(max));

export const MAX_BODY_LIMIT = 16 * 1024 * 1024;

/**
 * Every setting: where it comes from (environment variable, key in the JSON file) and what it must be.
 * `expect` completes the sentence "<NAME> must …" in the one-line error for a bad value.
 */
export const FIELDS = {
  mode: {
    env: 'WAYGO_ENV',
    schema: z.enum(['development', 'production']),
    expect: 'be "development" or "production"',
    fallback: 'development',
  },
  port: {
    env: 'WAYGO_PORT',
    schema: wholeNumber(0, 65535),
    expect: 'be a whole number from 0 to 65535',
    fallback: 8787,
  },
  host: {
    env: 'WAYGO_HOST',
    schema: z.string().trim().min(1).regex(/^[^\s/]+$/),
    expect: 'be a host name or IP address',
    fallback: '127.0.0.1',
  },
  database: {
    env: 'WAYGO_DB',
    schema: z.string().trim().min(1),
    expect: 'be a file path (or :memory:)',
    fallback: 'data/waygo.sqlite',
  },
  bodyLimit: {
    env: 'WAYGO_BODY_LIMIT',
    schema: wholeNumber(1, MAX_BODY_LIMIT),
    expect: `be a whole number of bytes from 1 to ${MAX_BODY_LIMIT}`,
    fallback: 64 * 1024,
  },
} as const;

export type FieldName = keyof typeof FIELDS;

/** The optional JSON file: the same settings as the environment, minus the KEK, which is never kept in a file. */
export const fileSchema = z.strictObject({
  mode: z.unknown().optional(),
  port: z.unknown().optional(),
  host: z.unknown().optional(),
  database: z.unknown().optional(),
  bodyLimit: z.unknown().optional(),
});
