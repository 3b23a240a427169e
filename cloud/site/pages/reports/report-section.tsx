import type { DailyReport, ReportSeries } from '../../../services/payment-admin/reports.ts';
import { BarChart, LineChart } from '../../charts/index.ts';
import { Money, Table, formatMoney } from '../../components/index.ts';
import type { SiteContext } from '../../context.ts';

const GROUP_LABEL = { store: 'reports.byStore', box: 'reports.byBox', wallet: 'reports.byWallet' } as const;

/** Series of one currency: amounts in different currencies never share an axis or a total. */
function byCurrency(series: readonly ReportSeries[]): [string, ReportSeries[]][] {
  const groups: Record<string, ReportSeries[]> = {};
  for (const s of series) (groups[s.currency] ??= []).push(s);
  return Object.entries(groups).sort(([a], [b]) => a.localeCompare(b));
}

/** One dimension (store, box or wallet app): net per day as bars, payments per day as lines, and totals. */
export function ReportSection({ ctx, report }: { ctx: SiteContext; report: DailyReport }) {
  const t = ctx.t;
  const group = t(GROUP_LABEL[report.by]);
  const headingId = `report-${report.by}`;
  return (
    <section class="panel report" aria-labelledby={headingId}>
      <h2 id={headingId}>{group}</h2>
      {report.series.length === 0 ? <p class="empty">{t('reports.empty')}</p> : null}
      {byCurrency(report.series).map(([currency, series]) => {
        const common = {
          labels: report.dates,
          categoryHeading: t('reports.day'),
          tableLabel: t('reports.showData'),
        };
        return (
          <div class="report-currency">
            <BarChart
              {...common}
              id={`chart-${report.by}-${currency}-net`}
              title={t('reports.netChart', { group, currency })}
              series={series.map((s) => ({ name: s.key.name, values: s.days.map((d) => d.netMinor) }))}
              format={(minor) => formatMoney(minor, currency, ctx.locale)}
            />
            <LineChart
              {...common}
              id={`chart-${report.by}-${currency}-count`}
              integer
              title={t('reports.countChart', { group })}
              series={series.map((s) => ({ name: s.key.name, values: s.days.map((d) => d.count) }))}
            />
            <Table
              caption={t('reports.totals', { group, currency })}
              columns={[
                { label: t('reports.name') },
                { label: t('reports.count'), numeric: true },
                { label: t('reports.sum'), numeric: true },
                { label: t('reports.refunded'), numeric: true },
                { label: t('reports.net'), numeric: true },
              ]}
              rows={series.map((s) => [
                s.key.name,
                s.total.count,
                <Money minor={s.total.amountMinor} currency={currency} />,
                <Money minor={s.total.refundedMinor} currency={currency} />,
                <Money minor={s.total.netMinor} currency={currency} />,
              ])}
            />
          </div>
        );
      })}
    </section>
  );
}
