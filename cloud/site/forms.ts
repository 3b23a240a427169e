import type { Context } from 'hono';
import type { z } from 'zod';
import type { Db } from '../db/open.ts';
import { merchants } from '../db/schema/index.ts';
import { CloudError } from '../errors/cloud-error.ts';
import type { OperatorPrincipal } from '../services/authority/permissions.ts';
import type { FormError, SelectOption } from './components/index.ts';
import type { Translate } from './i18n/index.ts';

/** The text fields of a posted form; repeated names (checkboxes) keep every value in `all`. */
export interface PostedForm {
  text(name: string): string;
  all(name: string): string[];
  file(name: string): File | undefined;
}

export async function postedForm(c: Context): Promise<PostedForm> {
  const body = await c.req.parseBody({ all: true });
  const values = (name: string): unknown[] => {
    const v = body[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  return {
    text: (name) => {
      const first = values(name)[0];
      return typeof first === 'string' ? first.trim() : '';
    },
    all: (name) => values(name).filter((v): v is string => typeof v === 'string'),
    file: (name) => values(name).find((v): v is File => typeof v === 'object' && v !== null && 'arrayBuffer' in v),
  };
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FormError[] };

/** Validates a form's fields with zod; each issue becomes a localized error on its field, named by `labels`. */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown, t: Translate, labels: Record<string, string>): Parsed<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const missing = issue.code === 'invalid_type' || (issue.code === 'too_small' && issue.minimum === 1);
    return { field, message: t(missing ? 'form.required' : 'form.invalid', { field: labels[field] ?? field }) };
  });
  return { ok: false, errors };
}

/** A service's refusal as a form error: its code says which field when the code names one. */
export function serviceError(err: unknown, fieldOf: Record<string, string> = {}): FormError[] {
  if (!(err instanceof CloudError)) throw err;
  return [{ field: fieldOf[err.code], message: `${err.message} (${err.code})` }];
}

/** The merchants a platform account may choose from when creating rows; a merchant account has no choice. */
export function merchantOptions(db: Db, principal: OperatorPrincipal): SelectOption[] {
  if (principal.merchantId !== null) return [];
  return db.select({ id: merchants.id, name: merchants.name, code: merchants.code }).from(merchants).orderBy(merchants.name).all()
    .map((m) => ({ value: m.id, label: m.code ? `${m.name} (${m.code})` : m.name }));
}

/** Merchant names by id, for list columns. */
export function merchantNames(db: Db): Record<string, string> {
  return Object.fromEntries(db.select({ id: merchants.id, name: merchants.name }).from(merchants).all().map((m) => [m.id, m.name]));
}

/** A `:name` path parameter; sitePage handlers are not typed by their path, and a missing one is a not-found. */
export function pathParam(c: Context, name: string): string {
  const value = c.req.param(name);
  if (value === undefined || value === '') throw new CloudError('page_not_found', 'no such page');
  return value;
}
