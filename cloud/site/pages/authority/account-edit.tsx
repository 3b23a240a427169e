import { Hono } from 'hono';
import { z } from 'zod';
import { getAccount, updateAccount, type AccountView } from '../../../services/authority/index.ts';
import { ErrorSummary, Field, Form, Layout, Select, type FormError } from '../../components/index.ts';
import { sitePage, type SiteContext, type SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { parseWith, pathParam, postedForm, serviceError } from '../../forms.ts';
import { LOCALES } from '../../i18n/index.ts';
import { assignmentOptions } from './options.ts';

const AccountChangesForm = z.object({
  displayName: z.string().min(1).max(120),
  roleId: z.string().min(1),
  departmentId: z.string().optional(),
  locale: z.enum(LOCALES),
  password: z.string().optional(),
});

function editView(deps: SiteDeps, ctx: SiteContext, account: AccountView, errors: FormError[] = [], values?: Record<string, string | undefined>) {
  const { t } = ctx;
  const options = assignmentOptions(deps.db, ctx.principal, t('common.platform'));
  const v = values ?? { displayName: account.displayName, roleId: account.roleId, departmentId: account.departmentId ?? undefined, locale: account.locale };
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout title={`${t('nav.accounts')}: ${account.email}`} ctx={ctx} current="/admin/accounts">
      <ErrorSummary errors={errors} />
      <Form action={`/admin/accounts/${account.id}`} ctx={ctx}>
        <Field name="displayName" label={t('accounts.displayName')} value={v['displayName']} error={errorOf('displayName')} required />
        <Select name="roleId" label={t('accounts.role')} options={options.roles} value={v['roleId']} error={errorOf('roleId')} required />
        <Select name="departmentId" label={t('accounts.department')} options={options.departments} value={v['departmentId']} blank={t('common.none')} error={errorOf('departmentId')} />
        <Select name="locale" label={t('app.language')} options={LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) }))} value={v['locale']} />
        <Field name="password" type="password" label={t('accounts.resetPassword')} hint={`${t('common.optional')} · ${t('accounts.passwordHint')}`} error={errorOf('password')} autocomplete="new-password" />
        <button type="submit">{t('common.save')}</button>
      </Form>
      <p><a href="/admin/accounts">{t('common.back')}</a></p>
    </Layout>
  );
}

/** One account's role, department, language and (as an administrator's answer to a lockout) its password. */
export function accountEditPages(deps: SiteDeps): Hono<SiteEnv> {
  const { db, now } = deps;
  const app = new Hono<SiteEnv>();
  app.get('/:id', sitePage('accounts.manage', (c, ctx) => editView(deps, ctx, getAccount(db, ctx.principal, pathParam(c, 'id')))));
  app.post('/:id', sitePage('accounts.manage', async (c, ctx) => {
    const account = getAccount(db, ctx.principal, pathParam(c, 'id'));
    const form = await postedForm(c);
    const values = Object.fromEntries(['displayName', 'roleId', 'departmentId', 'locale', 'password'].map((k) => [k, form.text(k) || undefined]));
    const parsed = parseWith(AccountChangesForm, values, ctx.t, { displayName: ctx.t('accounts.displayName'), roleId: ctx.t('accounts.role') });
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      const { password, departmentId, ...rest } = parsed.data;
      try {
        await updateAccount(db, ctx.principal, account.id, { ...rest, departmentId: departmentId ?? null, ...(password ? { password } : {}) }, now());
        return c.redirect('/admin/accounts?done=updated', 303);
      } catch (err) {
        errors = serviceError(err, { password_weak: 'password', role_not_found: 'roleId', department_not_found: 'departmentId', permission_escalation: 'roleId' });
      }
    }
    c.status(422);
    const { password: _password, ...shown } = values;
    return editView(deps, ctx, account, errors, shown);
  }));
  return app;
}
