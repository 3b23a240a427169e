import type { MerchandiseView } from '../../../services/payment-admin/merchandise.ts';
import { SCENARIO_NAMES } from '../../../services/payment-admin/scenario-params.ts';
import { ErrorSummary, Field, Form, Layout, Money, Notice, Pager, Select, Table, type FormError, type SelectOption } from '../../components/index.ts';
import type { SiteContext } from '../../context.ts';
import type { MerchandiseFormValues } from './form-values.ts';

export interface ListProps {
  ctx: SiteContext;
  stores: SelectOption[];
  storeId: string | undefined;
  page: { data: MerchandiseView[]; nextCursor: string | null } | null;
  cursor: string | undefined;
  done: string | undefined;
}

const DONE = { created: 'merchandise.created', updated: 'merchandise.updated', deleted: 'merchandise.deleted' } as const;

export function listView({ ctx, stores, storeId, page, cursor, done }: ListProps) {
  const t = ctx.t;
  const doneKey = done && done in DONE ? DONE[done as keyof typeof DONE] : undefined;
  const base = storeId ? `/admin/merchandise?storeId=${encodeURIComponent(storeId)}` : '/admin/merchandise';
  return (
    <Layout title={t('merchandise.title')} ctx={ctx} current="/admin/merchandise">
      {doneKey ? <Notice kind="success">{t(doneKey)}</Notice> : null}
      {stores.length === 0 ? <Notice kind="info">{t('merchandise.noStores')}</Notice> : (
        <>
          <Form action="/admin/merchandise" method="get" ctx={ctx} class="filters">
            <Select name="storeId" label={t('merchandise.store')} options={stores} value={storeId} />
            <button type="submit">{t('common.view')}</button>
          </Form>
          <p class="actions"><a class="button" href={`/admin/merchandise/new${storeId ? `?storeId=${encodeURIComponent(storeId)}` : ''}`}>{t('merchandise.new')}</a></p>
        </>
      )}
      {page
        ? (
          <>
            <Table
              caption={t('merchandise.list')}
              columns={[
                { label: t('merchandise.sku') }, { label: t('merchandise.name') }, { label: t('merchandise.price'), numeric: true },
                { label: t('boxes.scenario') }, { label: t('merchandise.params') }, { label: t('common.actions') },
              ]}
              rows={page.data.map((item) => [
                <code>{item.sku}</code>,
                item.name,
                <Money minor={item.priceMinor} currency={item.currency} />,
                item.scenario ? t(`scenario.${item.scenario}`) : t('scenario.none'),
                <code>{JSON.stringify(item.params)}</code>,
                <div class="actions">
                  <a href={`/admin/merchandise/${encodeURIComponent(item.id)}`} aria-label={t('merchandise.edit', { name: item.name })}>{t('common.edit')}</a>
                  <Form action={`/admin/merchandise/${encodeURIComponent(item.id)}/delete`} ctx={ctx}>
                    <button type="submit" class="secondary" aria-label={t('merchandise.deleteOf', { name: item.name })}>{t('common.delete')}</button>
                  </Form>
                </div>,
              ])}
            />
            <Pager nextCursor={page.nextCursor} baseHref={base} hasPrevious={cursor !== undefined} />
          </>
        )
        : null}
    </Layout>
  );
}

export interface EditProps {
  ctx: SiteContext;
  /** Absent when creating. */
  id?: string;
  stores: SelectOption[];
  values: Partial<MerchandiseFormValues>;
  errors: FormError[];
}

export function editView({ ctx, id, stores, values, errors }: EditProps) {
  const t = ctx.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const title = id ? t('merchandise.edit', { name: values.name ?? '' }) : t('merchandise.new');
  return (
    <Layout title={title} ctx={ctx} current="/admin/merchandise">
      <p><a href={values.storeId ? `/admin/merchandise?storeId=${encodeURIComponent(values.storeId)}` : '/admin/merchandise'}>{t('common.back')}</a></p>
      <ErrorSummary errors={errors} />
      <Form action={id ? `/admin/merchandise/${encodeURIComponent(id)}` : '/admin/merchandise'} ctx={ctx}>
        {id
          ? <input type="hidden" name="storeId" value={values.storeId} />
          : <Select name="storeId" label={t('merchandise.store')} options={stores} value={values.storeId} error={error('storeId')} required />}
        <Field name="sku" label={t('merchandise.sku')} value={values.sku} error={error('sku')} required />
        <Field name="name" label={t('merchandise.name')} value={values.name} error={error('name')} required />
        <Field name="price" label={t('merchandise.price')} value={values.price} hint={t('merchandise.priceHint')} inputmode="decimal" error={error('price')} required />
        <Field name="currency" label={t('merchandise.currency')} value={values.currency} hint={t('payments.currencyHint')} pattern="[A-Za-z]{3}" error={error('currency')} required />
        <Select
          name="scenario"
          label={t('boxes.scenario')}
          options={SCENARIO_NAMES.map((s) => ({ value: s, label: t(`scenario.${s}`) }))}
          value={values.scenario}
          error={error('scenario')}
          required
        />
        <Field name="params" label={t('merchandise.params')} value={values.params ?? '{}'} hint={t('merchandise.paramsHint')} multiline error={error('params')} />
        <button type="submit">{id ? t('common.save') : t('common.create')}</button>
      </Form>
    </Layout>
  );
}
