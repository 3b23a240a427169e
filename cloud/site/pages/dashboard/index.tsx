import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { Layout, Money } from '../../components/index.ts';
import { sitePage, type SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { todayCounts } from './counts.ts';

function Card({ label, children }: { label: string; children?: Child }) {
  return <li><span>{label}</span><span class="value">{children}</span></li>;
}

/** Today's figures; each group shows only to those who may open the pages behind it. */
export function dashboardPages({ db }: SiteDeps): Hono<SiteEnv> {
  const app = new Hono<SiteEnv>();
  app.get('/', sitePage(null, (_c, ctx) => {
    const { t, principal } = ctx;
    const counts = todayCounts(db, principal, ctx.now);
    const may = (p: string) => principal.permissions.some((x) => x === p);
    return (
      <Layout title={t('dashboard.title')} ctx={ctx} current="/admin">
        <h2>{t('dashboard.today', { date: new Date(counts.dayStart).toISOString().slice(0, 10) })}</h2>
        <ul class="cards">
          {may('payments.view')
            ? (
              <>
                <Card label={t('dashboard.payments')}>{counts.payments}</Card>
                <Card label={t('dashboard.amount')}>
                  {counts.amounts.length === 0 ? '0' : counts.amounts.map((a) => <><Money minor={a.minor} currency={a.currency} /> </>)}
                </Card>
                <Card label={t('dashboard.refunds')}>{counts.refunds}</Card>
              </>
            )
            : null}
          {may('boxes.view')
            ? (
              <>
                <Card label={t('dashboard.boxesActive')}>{counts.boxesActive}</Card>
                <Card label={t('dashboard.boxesBlocked')}>{counts.boxesBlocked}</Card>
                <Card label={t('dashboard.boxesUnactivated')}>{counts.boxesUnactivated}</Card>
                <Card label={t('dashboard.boxesSeen')}>{counts.boxesSeen}</Card>
              </>
            )
            : null}
          {may('audit.view') && counts.auditRows !== null ? <Card label={t('dashboard.auditRows')}>{counts.auditRows}</Card> : null}
        </ul>
      </Layout>
    );
  }));
  return app;
}
