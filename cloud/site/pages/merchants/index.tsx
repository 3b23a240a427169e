import { Hono } from 'hono';
import { z } from 'zod';
import { createMerchant, createStore, listMerchants, listStores } from '../../../services/payment-admin/index.ts';
import { DateTime, DoneNotice, ErrorSummary, Field, Form, Layout, Pager, Select, Table, type FormError } from '../../components/index.ts';
import { sitePage, type SiteContext, type SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { parseWith, postedForm, serviceError } from '../../forms.ts';

const StoreForm = z.object({ name: z.string().min(1).max(100), merchantId: z.string().optional() });
const MerchantForm = z.object({ name: z.string().min(1).max(100), code: z.string().max(32).optional() });

interface ViewState {
  cursor?: string | undefined;
  done?: string | undefined;
  form?: 'store' | 'merchant';
  errors?: FormError[];
  values?: Record<string, string | undefined>;
}

function merchantsView({ db }: SiteDeps, ctx: SiteContext, state: ViewState) {
  const { t, principal } = ctx;
  const merchants = listMerchants(db, principal, { limit: 200 }).data;
  const names = Object.fromEntries(merchants.map((m) => [m.id, m.name]));
  const stores = listStores(db, principal, {}, state.cursor ? { cursor: state.cursor } : {});
  const platform = principal.merchantId === null;
  const errorsOf = (form: 'store' | 'merchant') => (state.form === form ? state.errors ?? [] : []);
  const valueOf = (form: 'store' | 'merchant', name: string) => (state.form === form ? state.values?.[name] : undefined);
  const fieldError = (form: 'store' | 'merchant', name: string) => errorsOf(form).find((e) => e.field === name)?.message;
  return (
    <Layout title={t('merchants.title')} ctx={ctx} current="/admin/merchants">
      <DoneNotice done={state.done} prefix="form." allowed={['created']} />
      <Table
        caption={t('merchants.merchants')}
        columns={[{ label: t('common.name') }, { label: t('merchants.code') }, { label: t('common.status') }, { label: t('common.createdAt') }]}
        rows={merchants.map((m) => [m.name, m.code ? <code>{m.code}</code> : t('common.none'), t(`merchants.status.${m.status}`), <DateTime ms={m.createdAt} />])}
      />
      <Table
        caption={t('merchants.stores')}
        columns={[{ label: t('common.name') }, { label: t('common.merchant') }, { label: t('common.createdAt') }]}
        rows={stores.data.map((s) => [s.name, names[s.merchantId] ?? s.merchantId, <DateTime ms={s.createdAt} />])}
      />
      <Pager nextCursor={stores.nextCursor} baseHref="/admin/merchants" hasPrevious={state.cursor !== undefined} />
      {principal.permissions.includes('boxes.manage')
        ? (
          <section class="panel" aria-labelledby="new-store">
            <h2 id="new-store">{t('merchants.newStore')}</h2>
            <ErrorSummary errors={errorsOf('store')} />
            <Form action="/admin/merchants/stores" ctx={ctx}>
              <Field name="name" id="store-name" label={t('common.name')} value={valueOf('store', 'name')} error={fieldError('store', 'name')} required />
              {platform ? <Select name="merchantId" id="store-merchant" label={t('common.merchant')} options={merchants.map((m) => ({ value: m.id, label: m.name }))} value={valueOf('store', 'merchantId')} required /> : null}
              <button type="submit">{t('common.create')}</button>
            </Form>
          </section>
        )
        : null}
      {platform && principal.permissions.includes('accounts.manage')
        ? (
          <section class="panel" aria-labelledby="new-merchant">
            <h2 id="new-merchant">{t('merchants.newMerchant')}</h2>
            <ErrorSummary errors={errorsOf('merchant')} />
            <Form action="/admin/merchants" ctx={ctx}>
              <Field name="name" id="merchant-name" label={t('common.name')} value={valueOf('merchant', 'name')} error={fieldError('merchant', 'name')} required />
              <Field name="code" id="merchant-code" label={t('merchants.code')} hint={t('merchants.codeHint')} value={valueOf('merchant', 'code')} error={fieldError('merchant', 'code')} />
              <button type="submit">{t('common.create')}</button>
            </Form>
          </section>
        )
        : null}
    </Layout>
  );
}

/** The seed's merchant management: merchants (platform) and the stores boxes are placed in. */
export function merchantPages(deps: SiteDeps): Hono<SiteEnv> {
  const { db, now } = deps;
  const app = new Hono<SiteEnv>();
  app.get('/', sitePage('boxes.view', (c, ctx) => merchantsView(deps, ctx, { cursor: c.req.query('cursor'), done: c.req.query('done') })));

  app.post('/stores', sitePage('boxes.manage', async (c, ctx) => {
    const form = await postedForm(c);
    // A merchant account's store is its own merchant's whatever the form says; only a platform account names one.
    const named = ctx.principal.merchantId === null ? form.text('merchantId') : '';
    const values = { name: form.text('name'), ...(named ? { merchantId: named } : {}) };
    const parsed = parseWith(StoreForm, values, ctx.t, { name: ctx.t('common.name') });
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      try {
        createStore(db, ctx.principal, parsed.data, now());
        return c.redirect('/admin/merchants?done=created', 303);
      } catch (err) {
        errors = serviceError(err, { name_invalid: 'name', merchant_required: 'merchantId', merchant_not_found: 'merchantId' });
      }
    }
    c.status(422);
    return merchantsView(deps, ctx, { form: 'store', errors, values });
  }));

  app.post('/', sitePage('accounts.manage', async (c, ctx) => {
    const form = await postedForm(c);
    const values = { name: form.text('name'), ...(form.text('code') ? { code: form.text('code') } : {}) };
    const parsed = parseWith(MerchantForm, values, ctx.t, { name: ctx.t('common.name'), code: ctx.t('merchants.code') });
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      try {
        createMerchant(db, ctx.principal, { name: parsed.data.name, code: parsed.data.code ?? null }, now());
        return c.redirect('/admin/merchants?done=created', 303);
      } catch (err) {
        errors = serviceError(err, { name_invalid: 'name', merchant_code_taken: 'code', merchant_code_invalid: 'code' });
      }
    }
    c.status(422);
    return merchantsView(deps, ctx, { form: 'merchant', errors, values });
  }));
  return app;
}
