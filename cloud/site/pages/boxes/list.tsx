import type { Context } from 'hono';
import { z } from 'zod';
import { BOARDS, listBoxes, type BoxListQuery } from '../../../services/box-admin/index.ts';
import { listMerchants, listStores } from '../../../services/payment-admin/index.ts';
import { DateTime, Field, Form, Layout, Notice, Pager, Select, Table, withQuery } from '../../components/index.ts';
import type { SiteContext, SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { scenarioLabel, scenarioOptions } from './labels.ts';

const STATUSES = ['active', 'blocked', 'lost', 'stolen', 'retired'] as const;

// Filters arrive as query strings; a value that does not parse is dropped rather than failing the whole list.
const Filters = z.object({
  q: z.string().trim().max(64).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  scenario: z.coerce.number().int().min(0).max(255).optional().catch(undefined),
  board: z.enum(BOARDS).optional().catch(undefined),
  activated: z.enum(['yes', 'no']).optional().catch(undefined),
  storeId: z.string().max(64).optional().catch(undefined),
  merchantId: z.string().max(64).optional().catch(undefined),
  cursor: z.string().optional().catch(undefined),
});

function readFilters(c: Context<SiteEnv>) {
  const raw = Object.fromEntries(['q', 'status', 'scenario', 'board', 'activated', 'storeId', 'merchantId', 'cursor'].map((k) => [k, c.req.query(k) || undefined]));
  return Filters.parse(raw);
}

export function boxListPage({ db }: SiteDeps, c: Context<SiteEnv>, ctx: SiteContext) {
  const { t } = ctx;
  const f = readFilters(c);
  const query: BoxListQuery = {
    ...(f.q ? { q: f.q } : {}), ...(f.status ? { status: f.status } : {}), ...(f.scenario !== undefined ? { scenario: f.scenario } : {}),
    ...(f.board ? { board: f.board } : {}), ...(f.activated ? { activated: f.activated === 'yes' } : {}), ...(f.cursor ? { cursor: f.cursor } : {}),
    ...(f.storeId ? { storeId: f.storeId } : {}), ...(f.merchantId && ctx.principal.merchantId === null ? { merchantId: f.merchantId } : {}),
  };
  const stores = listStores(db, ctx.principal, {}, { limit: 200 }).data;
  const merchants = ctx.principal.merchantId === null ? listMerchants(db, ctx.principal, { limit: 200 }).data : [];
  const page = listBoxes(db, ctx.principal, query);
  const filterHref = withQuery('/admin/boxes', {
    q: f.q, status: f.status, scenario: f.scenario === undefined ? undefined : String(f.scenario), board: f.board, activated: f.activated,
    storeId: f.storeId, merchantId: f.merchantId,
  });
  return (
    <Layout title={t('nav.boxes')} ctx={ctx} current="/admin/boxes">
      {/^\d+$/.test(c.req.query('done') ?? '') ? <Notice kind="success">{t('boxes.imported', { n: c.req.query('done') ?? '' })}</Notice> : null}
      <Form action="/admin/boxes" method="get" ctx={ctx} class="filters">
        <Field name="q" type="search" label={t('boxes.search')} hint={t('boxes.searchHint')} value={f.q} />
        <Select name="status" label={t('common.status')} blank={t('common.all')} value={f.status} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <Select name="scenario" label={t('boxes.scenario')} blank={t('common.all')} value={f.scenario === undefined ? undefined : String(f.scenario)} options={scenarioOptions(t, true)} />
        <Select name="board" label={t('boxes.board')} blank={t('common.all')} value={f.board} options={BOARDS.map((b) => ({ value: b, label: t(`board.${b}`) }))} />
        <Select name="activated" label={t('boxes.activation')} blank={t('common.all')} value={f.activated} options={[{ value: 'yes', label: t('boxes.activated') }, { value: 'no', label: t('status.notActivated') }]} />
        <Select name="storeId" label={t('boxes.store')} blank={t('common.all')} value={f.storeId} options={stores.map((st) => ({ value: st.id, label: st.name }))} />
        {merchants.length > 0
          ? <Select name="merchantId" label={t('common.merchant')} blank={t('common.all')} value={f.merchantId} options={merchants.map((m) => ({ value: m.id, label: m.name }))} />
          : null}
        <button type="submit">{t('common.search')}</button>
      </Form>
      <Table
        caption={t('nav.boxes')}
        columns={[
          { label: t('boxes.id') }, { label: t('boxes.machine') }, { label: t('boxes.store') }, { label: t('boxes.scenario') },
          { label: t('common.status') }, { label: t('boxes.lastSeen') }, { label: t('boxes.firmware') }, { label: t('boxes.battery'), numeric: true },
          { label: t('boxes.configVersions') },
        ]}
        rows={page.data.map((b) => [
          <a href={`/admin/boxes/${b.id}`}><code>{b.id}</code></a>,
          b.machineName ?? t('common.none'),
          b.storeName ?? t('status.notActivated'),
          scenarioLabel(t, b.scenario.code),
          <span class={`badge ${b.status}`}>{t(`status.${b.status}`)}</span>,
          <DateTime ms={b.lastSeenAt} />,
          b.firmwareVersion ?? t('common.none'),
          b.batteryPercent === null ? t('common.none') : `${b.batteryPercent}%`,
          <>{b.appliedConfigVersion} / {b.configVersion}{b.pendingCommands > 0 ? <> · {t('boxes.pending', { n: b.pendingCommands })}</> : null}</>,
        ])}
      />
      <Pager nextCursor={page.nextCursor} baseHref={filterHref} hasPrevious={f.cursor !== undefined} />
    </Layout>
  );
}
