import { Hono } from 'hono';
import { listAudit, verifyAudit } from '../../../services/authority/index.ts';
import { DateTime, Field, Form, Layout, Notice, Pager, Table, withQuery } from '../../components/index.ts';
import { sitePage, type SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';

const FILTERS = ['actor', 'action', 'subjectType', 'subjectId'] as const;

function definedOnly(filter: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined));
}

/** The hash-chained audit log: the chain verified from its first row, then the rows this account may see. */
export function auditPages({ db }: SiteDeps): Hono<SiteEnv> {
  const app = new Hono<SiteEnv>();
  app.get('/', sitePage('audit.view', (c, ctx) => {
    const { t } = ctx;
    const filter = Object.fromEntries(FILTERS.map((k) => [k, c.req.query(k)?.trim() || undefined])) as Record<(typeof FILTERS)[number], string | undefined>;
    const cursor = c.req.query('cursor');
    const page = listAudit(db, ctx.principal, { ...definedOnly(filter), ...(cursor ? { cursor } : {}) });
    const check = verifyAudit(db);
    return (
      <Layout title={t('nav.audit')} ctx={ctx} current="/admin/audit">
        {check.ok
          ? (
            <Notice kind="success">
              <p><strong>{t('audit.verified')}</strong> {t('audit.verifiedRows', { rows: check.rows })}</p>
              <p>{t('audit.head')} <code>{check.head}</code></p>
            </Notice>
          )
          : (
            <Notice kind="error">
              <p><strong>{t('audit.broken', { id: check.brokenId })}</strong></p>
              <p>{check.reason}</p>
            </Notice>
          )}
        <Form action="/admin/audit" method="get" ctx={ctx} class="filters">
          <Field name="actor" label={t('audit.actor')} value={filter.actor} />
          <Field name="action" label={t('audit.action')} value={filter.action} />
          <Field name="subjectType" label={t('audit.subjectType')} value={filter.subjectType} />
          <Field name="subjectId" label={t('audit.subjectId')} value={filter.subjectId} />
          <button type="submit">{t('common.filter')}</button>
        </Form>
        <Table
          caption={t('nav.audit')}
          columns={[
            { label: '#', numeric: true }, { label: t('audit.at') }, { label: t('audit.actor') }, { label: t('audit.action') },
            { label: t('audit.subject') }, { label: t('audit.data') }, { label: t('audit.hash') },
          ]}
          rows={page.data.map((row) => [
            row.id, <DateTime ms={row.at} />, <code>{row.actor}</code>, <code>{row.action}</code>,
            <>{row.subjectType} <code>{row.subjectId}</code></>, <code>{JSON.stringify(row.data)}</code>,
            <code title={row.hash}>{row.hash.slice(0, 12)}…</code>,
          ])}
        />
        <Pager nextCursor={page.nextCursor} baseHref={withQuery('/admin/audit', filter)} hasPrevious={cursor !== undefined} />
      </Layout>
    );
  }));
  return app;
}
