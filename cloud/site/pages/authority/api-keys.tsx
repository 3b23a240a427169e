import { Hono } from 'hono';
import { z } from 'zod';
import { createApiKey, listAccounts, listApiKeys, revokeApiKey, type ApiKeyView, type CreatedApiKey } from '../../../services/authority/index.ts';
import { DateTime, DoneNotice, ErrorSummary, Field, Form, Layout, Notice, Pager, Select, Table, type FormError } from '../../components/index.ts';
import { sitePage, type SiteContext, type SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { parseWith, postedForm, serviceError, pathParam } from '../../forms.ts';

const KeyForm = z.object({
  name: z.string().min(1).max(80),
  accountId: z.string().min(1),
  expires: z.iso.date().optional(),
});

interface ViewState {
  cursor?: string | undefined;
  done?: string | undefined;
  created?: CreatedApiKey;
  errors?: FormError[];
}

function keyStatus(key: ApiKeyView, now: number): string {
  if (key.revokedAt !== null) return 'revoked';
  return key.expiresAt !== null && key.expiresAt <= now ? 'expired' : 'active';
}

function apiKeysView(deps: SiteDeps, ctx: SiteContext, state: ViewState) {
  const { t, principal } = ctx;
  const page = listApiKeys(deps.db, principal, state.cursor ? { cursor: state.cursor } : {});
  const accounts = listAccounts(deps.db, principal, { limit: 200, status: 'active' }).data;
  const emails = Object.fromEntries(accounts.map((a) => [a.id, a.email]));
  const errors = state.errors ?? [];
  return (
    <Layout title={t('nav.apiKeys')} ctx={ctx} current="/admin/api-keys">
      {state.created
        ? (
          <Notice kind="warning">
            <p>{t('apiKeys.shownOnce', { name: state.created.name })}</p>
            <code class="secret" id="new-key" aria-label={t('apiKeys.key')}>{state.created.key}</code>
          </Notice>
        )
        : null}
      <DoneNotice done={state.done} prefix="form." allowed={['created', 'updated']} />
      <Table
        caption={t('nav.apiKeys')}
        columns={[
          { label: t('common.name') }, { label: t('apiKeys.prefix') }, { label: t('apiKeys.account') }, { label: t('common.createdAt') },
          { label: t('apiKeys.lastUsed') }, { label: t('apiKeys.expires') }, { label: t('common.status') }, { label: t('common.actions') },
        ]}
        rows={page.data.map((k) => [
          k.name, <code>{k.prefix}</code>, emails[k.accountId] ?? k.accountId, <DateTime ms={k.createdAt} />,
          <DateTime ms={k.lastUsedAt} />, <DateTime ms={k.expiresAt} dateOnly />,
          <span class={`badge ${keyStatus(k, ctx.now)}`}>{t(`status.${keyStatus(k, ctx.now)}`)}</span>,
          k.revokedAt === null
            ? (
              <Form action={`/admin/api-keys/${k.id}/revoke`} ctx={ctx}>
                <button type="submit" class="danger" aria-label={`${t('common.revoke')} ${k.name}`}>{t('common.revoke')}</button>
              </Form>
            )
            : null,
        ])}
      />
      <Pager nextCursor={page.nextCursor} baseHref="/admin/api-keys" hasPrevious={state.cursor !== undefined} />
      <section class="panel" aria-labelledby="new-key-title">
        <h2 id="new-key-title">{t('apiKeys.new')}</h2>
        <ErrorSummary errors={errors} />
        <Form action="/admin/api-keys" ctx={ctx}>
          <Field name="name" label={t('common.name')} error={errors.find((e) => e.field === 'name')?.message} required />
          <Select name="accountId" label={t('apiKeys.account')} options={accounts.map((a) => ({ value: a.id, label: a.email }))} value={principal.accountId} hint={t('apiKeys.accountHint')} required />
          <Field name="expires" type="date" label={t('apiKeys.expires')} hint={t('common.optional')} error={errors.find((e) => e.field === 'expires')?.message} />
          <button type="submit">{t('common.create')}</button>
        </Form>
      </section>
    </Layout>
  );
}

/** Authority center: API keys for scripts; a new key is shown once, on the page that created it. */
export function apiKeyPages(deps: SiteDeps): Hono<SiteEnv> {
  const { db, now } = deps;
  const app = new Hono<SiteEnv>();
  app.get('/', sitePage('accounts.manage', (c, ctx) => apiKeysView(deps, ctx, { cursor: c.req.query('cursor'), done: c.req.query('done') })));

  app.post('/', sitePage('accounts.manage', async (c, ctx) => {
    const form = await postedForm(c);
    const values = { name: form.text('name'), accountId: form.text('accountId'), ...(form.text('expires') ? { expires: form.text('expires') } : {}) };
    const parsed = parseWith(KeyForm, values, ctx.t, { name: ctx.t('common.name'), accountId: ctx.t('apiKeys.account'), expires: ctx.t('apiKeys.expires') });
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      try {
        const expiresAt = parsed.data.expires ? Date.parse(`${parsed.data.expires}T00:00:00Z`) : null;
        const created = createApiKey(db, ctx.principal, { name: parsed.data.name, accountId: parsed.data.accountId, expiresAt }, now());
        // The page holds the secret: no cache may keep it.
        c.header('Cache-Control', 'no-store');
        return apiKeysView(deps, ctx, { created });
      } catch (err) {
        errors = serviceError(err, { expiry_invalid: 'expires', account_not_found: 'accountId', permission_escalation: 'accountId' });
      }
    }
    c.status(422);
    return apiKeysView(deps, ctx, { errors });
  }));

  app.post('/:id/revoke', sitePage('accounts.manage', (c, ctx) => {
    revokeApiKey(db, ctx.principal, pathParam(c, 'id'), now());
    return c.redirect('/admin/api-keys?done=updated', 303);
  }));
  return app;
}
