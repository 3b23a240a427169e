import { Hono } from 'hono';
import { z } from 'zod';
import { createAccount, listAccounts, updateAccount, type AccountView } from '../../../services/authority/index.ts';
import { DateTime, DoneNotice, ErrorSummary, Field, Form, Layout, Pager, Select, Table, type FormError } from '../../components/index.ts';
import { sitePage, type SiteContext, type SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { merchantNames, merchantOptions, parseWith, postedForm, serviceError, pathParam } from '../../forms.ts';
import { LOCALES } from '../../i18n/index.ts';
import { accountEditPages } from './account-edit.tsx';
import { assignmentOptions } from './options.ts';

const NewAccount = z.object({
  email: z.email(),
  displayName: z.string().min(1).max(120),
  password: z.string().min(1),
  roleId: z.string().min(1),
  departmentId: z.string().optional(),
  merchantId: z.string().optional(),
  locale: z.enum(LOCALES),
});
type NewAccountInput = z.infer<typeof NewAccount>;

interface ViewState {
  cursor?: string | undefined;
  done?: string | undefined;
  values?: Partial<NewAccountInput>;
  errors?: FormError[];
}

function accountsView({ db }: SiteDeps, ctx: SiteContext, state: ViewState) {
  const { t, principal } = ctx;
  const page = listAccounts(db, principal, state.cursor ? { cursor: state.cursor } : {});
  const options = assignmentOptions(db, principal, t('common.platform'));
  const merchants = merchantOptions(db, principal);
  const names = principal.merchantId === null ? merchantNames(db) : {};
  const errors = state.errors ?? [];
  const fieldError = (name: string) => errors.find((e) => e.field === name)?.message;
  const v = state.values ?? {};
  const statusButton = (a: AccountView) => (a.id === principal.accountId ? null : (
    <Form action={`/admin/accounts/${a.id}/status`} ctx={ctx}>
      <input type="hidden" name="status" value={a.status === 'active' ? 'disabled' : 'active'} />
      <button type="submit" class="secondary" aria-label={`${t(a.status === 'active' ? 'common.disable' : 'common.enable')} ${a.email}`}>
        {t(a.status === 'active' ? 'common.disable' : 'common.enable')}
      </button>
    </Form>
  ));
  return (
    <Layout title={t('nav.accounts')} ctx={ctx} current="/admin/accounts">
      <DoneNotice done={state.done} prefix="form." allowed={['created', 'updated']} />
      <Table
        caption={t('nav.accounts')}
        columns={[
          { label: t('login.email') }, { label: t('accounts.displayName') }, { label: t('accounts.role') },
          { label: t('accounts.department') }, ...(principal.merchantId === null ? [{ label: t('common.merchant') }] : []),
          { label: t('common.status') }, { label: t('accounts.lastLogin') }, { label: t('common.actions') },
        ]}
        rows={page.data.map((a) => [
          <a href={`/admin/accounts/${a.id}`}>{a.email}</a>, a.displayName, options.roleNames[a.roleId] ?? a.roleId,
          a.departmentId ? options.departmentNames[a.departmentId] ?? a.departmentId : t('common.none'),
          ...(principal.merchantId === null ? [a.merchantId ? names[a.merchantId] ?? a.merchantId : t('common.platform')] : []),
          <>
            <span class={`badge ${a.status}`}>{t(`status.${a.status}`)}</span>
            {a.lockedUntil !== null && a.lockedUntil > ctx.now ? <> {t('accounts.lockedUntil')} <DateTime ms={a.lockedUntil} /></> : null}
          </>,
          <DateTime ms={a.lastLoginAt} />,
          statusButton(a),
        ])}
      />
      <Pager nextCursor={page.nextCursor} baseHref="/admin/accounts" hasPrevious={state.cursor !== undefined} />
      <section class="panel" aria-labelledby="new-account">
        <h2 id="new-account">{t('accounts.new')}</h2>
        <ErrorSummary errors={errors} />
        <Form action="/admin/accounts" ctx={ctx}>
          <Field name="email" type="email" label={t('login.email')} value={v.email} error={fieldError('email')} autocomplete="off" required />
          <Field name="displayName" label={t('accounts.displayName')} value={v.displayName} error={fieldError('displayName')} required />
          <Field name="password" type="password" label={t('login.password')} hint={t('accounts.passwordHint')} error={fieldError('password')} autocomplete="new-password" required />
          <Select name="roleId" label={t('accounts.role')} options={options.roles} value={v.roleId} error={fieldError('roleId')} required />
          <Select name="departmentId" label={t('accounts.department')} options={options.departments} value={v.departmentId} blank={t('common.none')} error={fieldError('departmentId')} />
          {merchants.length > 0
            ? <Select name="merchantId" label={t('common.merchant')} options={merchants} value={v.merchantId} blank={t('common.platform')} error={fieldError('merchantId')} />
            : null}
          <Select name="locale" label={t('app.language')} options={LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) }))} value={v.locale ?? ctx.locale} />
          <button type="submit">{t('common.create')}</button>
        </Form>
      </section>
    </Layout>
  );
}

/** Authority center: accounts (list, create, disable and enable). */
export function accountPages(deps: SiteDeps): Hono<SiteEnv> {
  const { db, now } = deps;
  const app = new Hono<SiteEnv>();
  app.get('/', sitePage('accounts.manage', (c, ctx) => accountsView(deps, ctx, { cursor: c.req.query('cursor'), done: c.req.query('done') })));

  app.post('/', sitePage('accounts.manage', async (c, ctx) => {
    const form = await postedForm(c);
    const input = Object.fromEntries(['email', 'displayName', 'password', 'roleId', 'departmentId', 'merchantId', 'locale']
      .map((k) => [k, form.text(k) === '' && k !== 'password' ? undefined : form.text(k)]));
    const labels = { email: ctx.t('login.email'), displayName: ctx.t('accounts.displayName'), password: ctx.t('login.password'), roleId: ctx.t('accounts.role') };
    const parsed = parseWith(NewAccount, input, ctx.t, labels);
    const { password: _password, ...values } = input as Partial<NewAccountInput>;
    if (!parsed.ok) {
      c.status(422);
      return accountsView(deps, ctx, { values, errors: parsed.errors });
    }
    try {
      await createAccount(db, ctx.principal, { ...parsed.data, departmentId: parsed.data.departmentId ?? null, merchantId: parsed.data.merchantId ?? null }, now());
    } catch (err) {
      c.status(422);
      return accountsView(deps, ctx, {
        values,
        errors: serviceError(err, { email_taken: 'email', password_too_short: 'password', password_weak: 'password', role_not_found: 'roleId', department_not_found: 'departmentId', permission_escalation: 'roleId' }),
      });
    }
    return c.redirect('/admin/accounts?done=created', 303);
  }));

  app.post('/:id/status', sitePage('accounts.manage', async (c, ctx) => {
    const form = await postedForm(c);
    const status = form.text('status') === 'active' ? 'active' : 'disabled';
    await updateAccount(db, ctx.principal, pathParam(c, 'id'), { status }, now());
    return c.redirect('/admin/accounts?done=updated', 303);
  }));
  app.route('/', accountEditPages(deps));
  return app;
}
