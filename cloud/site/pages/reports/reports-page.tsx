import { CloudError } from '../../../errors/cloud-error.ts';
import { REPORT_DIMENSIONS, dailyReport, type DailyReport } from '../../../services/payment-admin/reports.ts';
import { ErrorSummary, Field, Form, Layout, Select } from '../../components/index.ts';
import type { FormError, SelectOption } from '../../components/index.ts';
import type { SiteContext } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { merchantOptions } from '../../forms.ts';
import { readReportForm, type ReportForm } from './report-form.ts';
import { ReportSection } from './report-section.tsx';

/** What the service refuses about the form; shown on the page so the range can be fixed in place. */
const FORM_REFUSALS: Record<string, keyof ReportForm> = {
  date_invalid: 'from', range_invalid: 'from', range_too_long: 'from', tz_invalid: 'tz',
};

function view(ctx: SiteContext, merchants: SelectOption[], form: ReportForm, reports: DailyReport[], errors: FormError[]) {
  const t = ctx.t;
  return (
    <Layout title={t('reports.title')} ctx={ctx} current="/admin/reports">
      <ErrorSummary errors={errors} />
      <Form action="/admin/reports" method="get" ctx={ctx} class="filters">
        <Field name="from" type="date" label={t('reports.from')} value={form.from} />
        <Field name="to" type="date" label={t('reports.to')} value={form.to} />
        <Field name="tz" label={t('reports.tz')} value={form.tz} hint={t('reports.tzHint')} />
        {merchants.length > 0
          ? <Select name="merchantId" label={t('common.merchant')} options={merchants} value={form.merchantId} blank={t('common.all')} />
          : null}
        <button type="submit">{t('reports.show')}</button>
      </Form>
      {reports.map((report) => <ReportSection ctx={ctx} report={report} />)}
    </Layout>
  );
}

export function reportsPage({ db }: SiteDeps, ctx: SiteContext, query: Record<string, string | undefined>) {
  const form = readReportForm(query, ctx.now);
  const merchants = merchantOptions(db, ctx.principal);
  const scope = form.merchantId ? { merchantId: form.merchantId } : {};
  try {
    const reports = REPORT_DIMENSIONS.map((by) => dailyReport(db, ctx.principal, { from: form.from, to: form.to, tz: form.tz, by, ...scope }));
    return view(ctx, merchants, form, reports, []);
  } catch (err) {
    const field = err instanceof CloudError ? FORM_REFUSALS[err.code] : undefined;
    if (!(err instanceof CloudError) || field === undefined) throw err;
    return view(ctx, merchants, form, [], [{ field, message: ctx.t('reports.invalid', { detail: err.message }) }]);
  }
}
