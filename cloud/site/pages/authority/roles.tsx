import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { CloudError } from '../../../errors/cloud-error.ts';
import { createRole, deleteRole, getRole, listRoles, PERMISSIONS, updateRole, type Permission, type RoleView } from '../../../services/authority/index.ts';
import { DoneNotice, ErrorSummary, Field, Form, Layout, Pager, Select, Table, type FormError } from '../../components/index.ts';
import { sitePage, type SiteContext, type SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { merchantNames, merchantOptions, parseWith, postedForm, serviceError, pathParam } from '../../forms.ts';

const RoleForm = z.object({ name: z.string().min(1).max(80), permissions: z.array(z.enum(PERMISSIONS)), merchantId: z.string().optional() });
type RoleFormInput = z.infer<typeof RoleForm>;

/** Seed 000's "role transaction authority setup": one checkbox per permission the acting account holds. */
function PermissionBoxes({ ctx, checked }: { ctx: SiteContext; checked: readonly string[] }) {
  return (
    <fieldset>
      <legend>{ctx.t('roles.permissions')}</legend>
      {PERMISSIONS.filter((p) => ctx.principal.permissions.includes(p)).map((p) => (
        <div class="field check">
          <label for={`perm-${p}`}>{ctx.t(`perm.${p}`)} <code>{p}</code></label>
          <input type="checkbox" id={`perm-${p}`} name="permissions" value={p} checked={checked.includes(p)} />
        </div>
      ))}
    </fieldset>
  );
}

interface EditState {
  role?: RoleView;
  values?: Partial<RoleFormInput>;
  errors?: FormError[];
}

function RoleEditor({ deps, ctx, state }: { deps: SiteDeps; ctx: SiteContext; state: EditState }) {
  const { t } = ctx;
  const merchants = state.role ? [] : merchantOptions(deps.db, ctx.principal);
  const v = state.values ?? (state.role ? { name: state.role.name, permissions: state.role.permissions } : {});
  const errors = state.errors ?? [];
  return (
    <>
      <ErrorSummary errors={errors} />
      <Form action={state.role ? `/admin/roles/${state.role.id}` : '/admin/roles'} ctx={ctx}>
        <Field name="name" label={t('common.name')} value={v.name} error={errors.find((e) => e.field === 'name')?.message} required />
        {merchants.length > 0 ? <Select name="merchantId" label={t('common.merchant')} options={merchants} value={v.merchantId} blank={t('common.platform')} /> : null}
        <PermissionBoxes ctx={ctx} checked={v.permissions ?? []} />
        <button type="submit">{state.role ? t('common.save') : t('common.create')}</button>
      </Form>
    </>
  );
}

function rolesView(deps: SiteDeps, ctx: SiteContext, cursor: string | undefined, done: string | undefined, state: EditState = {}) {
  const { t, principal } = ctx;
  const page = listRoles(deps.db, principal, cursor ? { cursor } : {});
  const names = principal.merchantId === null ? merchantNames(deps.db) : {};
  return (
    <Layout title={t('nav.roles')} ctx={ctx} current="/admin/roles">
      <DoneNotice done={done} prefix="form." allowed={['created', 'updated', 'deleted']} />
      <Table
        caption={t('nav.roles')}
        columns={[{ label: t('common.name') }, ...(principal.merchantId === null ? [{ label: t('common.merchant') }] : []), { label: t('roles.permissions') }, { label: t('common.actions') }]}
        rows={page.data.map((r) => [
          r.name,
          ...(principal.merchantId === null ? [r.merchantId ? names[r.merchantId] ?? r.merchantId : t('common.platform')] : []),
          r.permissions.map((p) => t(`perm.${p}`)).join(', ') || t('common.none'),
          <a href={`/admin/roles/${r.id}`} aria-label={`${t('common.edit')} ${r.name}`}>{t('common.edit')}</a>,
        ])}
      />
      <Pager nextCursor={page.nextCursor} baseHref="/admin/roles" hasPrevious={cursor !== undefined} />
      <section class="panel" aria-labelledby="new-role">
        <h2 id="new-role">{t('roles.new')}</h2>
        <RoleEditor deps={deps} ctx={ctx} state={state} />
      </section>
    </Layout>
  );
}

/** One role's page: its editor, and deleting it (only a role no account holds can go; the service checks). */
function rolePage(deps: SiteDeps, ctx: SiteContext, role: RoleView, state: { edit?: EditState; deleteErrors?: FormError[] } = {}) {
  const { t } = ctx;
  return (
    <Layout title={`${t('nav.roles')}: ${role.name}`} ctx={ctx} current="/admin/roles">
      <RoleEditor deps={deps} ctx={ctx} state={{ ...state.edit, role }} />
      <section class="panel" aria-labelledby="delete-role">
        <h2 id="delete-role">{t('roles.delete')}</h2>
        <ErrorSummary errors={state.deleteErrors ?? []} title={t('roles.deleteRefused')} />
        <p class="hint">{t('roles.deleteHint')}</p>
        <Form action={`/admin/roles/${role.id}/delete`} ctx={ctx}>
          <button type="submit" class="danger">{t('roles.deleteNamed', { name: role.name })}</button>
        </Form>
      </section>
      <p><a href="/admin/roles">{t('common.back')}</a></p>
    </Layout>
  );
}

async function readRole(c: Context<SiteEnv>, ctx: SiteContext) {
  const form = await postedForm(c);
  const values = { name: form.text('name'), permissions: form.all('permissions') as Permission[], ...(form.text('merchantId') ? { merchantId: form.text('merchantId') } : {}) };
  return { values, parsed: parseWith(RoleForm, values, ctx.t, { name: ctx.t('common.name'), permissions: ctx.t('roles.permissions') }) };
}

const ROLE_FIELDS = { permission_escalation: 'permissions', permission_unknown: 'permissions' };

/** Authority center: roles and the permissions each grants. */
export function rolePages(deps: SiteDeps): Hono<SiteEnv> {
  const { db, now } = deps;
  const app = new Hono<SiteEnv>();
  app.get('/', sitePage('accounts.manage', (c, ctx) => rolesView(deps, ctx, c.req.query('cursor'), c.req.query('done'))));

  app.post('/', sitePage('accounts.manage', async (c, ctx) => {
    const { values, parsed } = await readRole(c, ctx);
    const fail = (errors: FormError[]) => {
      c.status(422);
      return rolesView(deps, ctx, undefined, undefined, { values, errors });
    };
    if (!parsed.ok) return fail(parsed.errors);
    try {
      createRole(db, ctx.principal, { ...parsed.data, merchantId: parsed.data.merchantId ?? null }, now());
    } catch (err) {
      return fail(serviceError(err, ROLE_FIELDS));
    }
    return c.redirect('/admin/roles?done=created', 303);
  }));

  app.get('/:id', sitePage('accounts.manage', (c, ctx) => rolePage(deps, ctx, getRole(db, ctx.principal, pathParam(c, 'id')))));

  app.post('/:id', sitePage('accounts.manage', async (c, ctx) => {
    const role = getRole(db, ctx.principal, pathParam(c, 'id'));
    const { values, parsed } = await readRole(c, ctx);
    let errors: FormError[] = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      try {
        updateRole(db, ctx.principal, role.id, { name: parsed.data.name, permissions: parsed.data.permissions }, now());
        return c.redirect('/admin/roles?done=updated', 303);
      } catch (err) {
        errors = serviceError(err, ROLE_FIELDS);
      }
    }
    c.status(422);
    return rolePage(deps, ctx, role, { edit: { values, errors } });
  }));

  app.post('/:id/delete', sitePage('accounts.manage', (c, ctx) => {
    const role = getRole(db, ctx.principal, pathParam(c, 'id'));
    try {
      deleteRole(db, ctx.principal, role.id, now());
    } catch (err) {
      if (!(err instanceof CloudError) || !['role_in_use', 'permission_escalation'].includes(err.code)) throw err;
      c.status(422);
      const message = err.code === 'role_in_use' ? ctx.t('roles.inUse') : serviceError(err)[0]!.message;
      return rolePage(deps, ctx, role, { deleteErrors: [{ message }] });
    }
    return c.redirect('/admin/roles?done=deleted', 303);
  }));
  return app;
}
