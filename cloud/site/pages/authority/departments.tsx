import { Hono } from 'hono';
import { z } from 'zod';
import { CloudError } from '../../../errors/cloud-error.ts';
import { createDepartment, deleteDepartment, getDepartment, listDepartments, renameDepartment } from '../../../services/authority/index.ts';
import { DateTime, DoneNotice, ErrorSummary, Field, Form, Layout, Pager, Select, Table, type FormError } from '../../components/index.ts';
import { sitePage, type SiteContext, type SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { merchantNames, merchantOptions, parseWith, postedForm, serviceError, pathParam } from '../../forms.ts';

const DepartmentForm = z.object({ name: z.string().min(1).max(80), merchantId: z.string().optional() });

interface ViewState {
  cursor?: string | undefined;
  done?: string | undefined;
  values?: { name?: string; merchantId?: string };
  errors?: FormError[];
  /** A refused delete, shown above the list it was made from. */
  deleteErrors?: FormError[];
}

function departmentsView(deps: SiteDeps, ctx: SiteContext, state: ViewState) {
  const { t, principal } = ctx;
  const page = listDepartments(deps.db, principal, state.cursor ? { cursor: state.cursor } : {});
  const merchants = merchantOptions(deps.db, principal);
  const names = principal.merchantId === null ? merchantNames(deps.db) : {};
  const errors = state.errors ?? [];
  return (
    <Layout title={t('nav.departments')} ctx={ctx} current="/admin/departments">
      <DoneNotice done={state.done} prefix="form." allowed={['created', 'updated', 'deleted']} />
      <ErrorSummary errors={state.deleteErrors ?? []} title={t('departments.deleteRefused')} />
      <Table
        caption={t('nav.departments')}
        columns={[{ label: t('common.name') }, ...(principal.merchantId === null ? [{ label: t('common.merchant') }] : []), { label: t('common.createdAt') }, { label: t('departments.rename') }, { label: t('common.delete') }]}
        rows={page.data.map((d) => [
          d.name,
          ...(principal.merchantId === null ? [d.merchantId ? names[d.merchantId] ?? d.merchantId : t('common.platform')] : []),
          <DateTime ms={d.createdAt} />,
          <Form action={`/admin/departments/${d.id}`} ctx={ctx} class="inline">
            <Field name="name" id={`rename-${d.id}`} label={t('departments.newName', { name: d.name })} value={d.name} required />
            <button type="submit" class="secondary">{t('common.save')}</button>
          </Form>,
          <Form action={`/admin/departments/${d.id}/delete`} ctx={ctx} class="inline">
            <button type="submit" class="danger" aria-label={t('departments.deleteNamed', { name: d.name })}>{t('common.delete')}</button>
          </Form>,
        ])}
      />
      <Pager nextCursor={page.nextCursor} baseHref="/admin/departments" hasPrevious={state.cursor !== undefined} />
      <section class="panel" aria-labelledby="new-department">
        <h2 id="new-department">{t('departments.new')}</h2>
        <ErrorSummary errors={errors} />
        <Form action="/admin/departments" ctx={ctx}>
          <Field name="name" label={t('common.name')} value={state.values?.name} error={errors.find((e) => e.field === 'name')?.message} required />
          {merchants.length > 0 ? <Select name="merchantId" label={t('common.merchant')} options={merchants} value={state.values?.merchantId} blank={t('common.platform')} /> : null}
          <button type="submit">{t('common.create')}</button>
        </Form>
      </section>
    </Layout>
  );
}

/** Authority center: departments (list, create, rename, delete). */
export function departmentPages(deps: SiteDeps): Hono<SiteEnv> {
  const { db, now } = deps;
  const app = new Hono<SiteEnv>();
  app.get('/', sitePage('accounts.manage', (c, ctx) => departmentsView(deps, ctx, { cursor: c.req.query('cursor'), done: c.req.query('done') })));

  app.post('/', sitePage('accounts.manage', async (c, ctx) => {
    const form = await postedForm(c);
    const values = { name: form.text('name'), ...(form.text('merchantId') ? { merchantId: form.text('merchantId') } : {}) };
    const parsed = parseWith(DepartmentForm, values, ctx.t, { name: ctx.t('common.name') });
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      try {
        createDepartment(db, ctx.principal, { name: parsed.data.name, merchantId: parsed.data.merchantId ?? null }, now());
        return c.redirect('/admin/departments?done=created', 303);
      } catch (err) {
        errors = serviceError(err, { merchant_not_found: 'merchantId' });
      }
    }
    c.status(422);
    return departmentsView(deps, ctx, { values, errors });
  }));

  app.post('/:id', sitePage('accounts.manage', async (c, ctx) => {
    const form = await postedForm(c);
    const parsed = parseWith(DepartmentForm, { name: form.text('name') }, ctx.t, { name: ctx.t('common.name') });
    if (!parsed.ok) {
      c.status(422);
      return departmentsView(deps, ctx, { errors: parsed.errors });
    }
    renameDepartment(db, ctx.principal, pathParam(c, 'id'), parsed.data.name, now());
    return c.redirect('/admin/departments?done=updated', 303);
  }));

  app.post('/:id/delete', sitePage('accounts.manage', (c, ctx) => {
    const department = getDepartment(db, ctx.principal, pathParam(c, 'id'));
    try {
      deleteDepartment(db, ctx.principal, department.id, now());
    } catch (err) {
      if (!(err instanceof CloudError) || err.code !== 'department_in_use') throw err;
      c.status(422);
      return departmentsView(deps, ctx, { deleteErrors: [{ message: ctx.t('departments.inUse', { name: department.name }) }] });
    }
    return c.redirect('/admin/departments?done=deleted', 303);
  }));
  return app;
}
