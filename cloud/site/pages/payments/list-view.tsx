import { PAYMENT_STATES } from '../../../db/schema/payments.ts';
import type { queryTransactions } from '../../../services/payment-admin/query.ts';
import { DateTime, ErrorSummary, Field, Form, Layout, Money, Pager, Select, Table } from '../../components/index.ts';
import type { FormError } from '../../components/index.ts';
import type { SiteContext } from '../../context.ts';
import type { SearchOptions } from './filter-options.ts';
import { searchQueryString, type SearchForm } from './query-form.ts';
import { StateBadge } from './state-badge.tsx';

export interface ListViewProps {
  ctx: SiteContext;
  form: SearchForm;
  options: SearchOptions;
  errors: FormError[];
  /** Null when the form has errors and nothing was searched. */
  page: ReturnType<typeof queryTransactions> | null;
  hasPrevious: boolean;
}

function withSearch(path: string, form: SearchForm): string {
  const qs = searchQueryString(form);
  return qs ? `${path}?${qs}` : path;
}

function SearchFilters({ ctx, form, options, errors }: { ctx: SiteContext; form: SearchForm; options: SearchOptions; errors: FormError[] }) {
  const t = ctx.t;
  return (
    <Form action="/admin/payments" method="get" ctx={ctx} class="filters">
      <Field name="merchantName" label={t('payments.merchantName')} value={form.merchantName} />
      <Field name="merchantCode" label={t('payments.merchantCode')} value={form.merchantCode} />
      <Select name="storeId" label={t('payments.store')} value={form.storeId} blank={t('common.all')} options={options.stores} />
      <Field
        name="boxId"
        label={t('payments.boxId')}
        value={form.boxId}
        hint={t('payments.boxIdHint')}
        error={errors.find((e) => e.field === 'boxId')?.message}
        pattern="[0-9A-Fa-f]{16}"
        autocomplete="off"
      />
      <Select name="walletAppId" label={t('payments.wallet')} value={form.walletAppId} blank={t('common.all')} options={options.walletApps} />
      <Field name="from" type="date" label={t('payments.from')} value={form.from} />
      <Field name="to" type="date" label={t('payments.to')} value={form.to} />
      <Field name="amountFrom" label={t('payments.amountFrom')} value={form.amountFrom} inputmode="decimal" />
      <Field name="amountTo" label={t('payments.amountTo')} value={form.amountTo} inputmode="decimal" />
      <Field name="currency" label={t('payments.currency')} value={form.currency} pattern="[A-Za-z]{3}" hint={t('payments.currencyHint')} />
      <Select
        name="state"
        label={t('payments.state')}
        value={form.state}
        blank={t('common.all')}
        options={PAYMENT_STATES.map((s) => ({ value: s, label: t(`payments.state.${s}`) }))}
      />
      <button type="submit">{t('payments.search')}</button>
    </Form>
  );
}

export function listView({ ctx, form, options, errors, page, hasPrevious }: ListViewProps) {
  const t = ctx.t;
  const rows = (page?.data ?? []).map((r) => [
    <DateTime ms={r.createdAt} />,
    <Money minor={r.amountMinor} currency={r.currency} />,
    <span>{r.merchant.name}{r.merchant.code ? <><br /><code>{r.merchant.code}</code></> : null}</span>,
    r.store.name,
    r.box.machineName ?? <code>{r.box.id}</code>,
    r.walletApp.name,
    <StateBadge state={r.state} />,
    r.refundedMinor > 0 ? <Money minor={r.refundedMinor} currency={r.currency} /> : t('common.none'),
    <a href={`/admin/payments/${encodeURIComponent(r.id)}`} aria-label={t('payments.detailsOf', { id: r.id })}>{t('payments.details')}</a>,
  ]);
  return (
    <Layout title={t('payments.title')} ctx={ctx} current="/admin/payments">
      <ErrorSummary errors={errors} />
      <SearchFilters ctx={ctx} form={form} options={options} errors={errors} />
      <p class="actions">
        <a class="button secondary" href={withSearch('/admin/payments/export.csv', form)} download>{t('payments.export')}</a>
        <a href="/admin/payments">{t('payments.reset')}</a>
      </p>
      {page
        ? (
          <>
            <Table
              caption={t('payments.results')}
              columns={[
                { label: t('payments.time') },
                { label: t('payments.amount'), numeric: true },
                { label: t('payments.merchant') },
                { label: t('payments.store') },
                { label: t('payments.box') },
                { label: t('payments.wallet') },
                { label: t('payments.state') },
                { label: t('payments.refunded'), numeric: true },
                { label: t('common.actions') },
              ]}
              rows={rows}
            />
            <Pager nextCursor={page.nextCursor} baseHref={withSearch('/admin/payments', form)} hasPrevious={hasPrevious} />
          </>
        )
        : null}
    </Layout>
  );
}
