import { eq } from 'drizzle-orm';
import type { Child } from 'hono/jsx';
import { stores } from '../../../db/schema/index.ts';
import { CONFIG_FIELDS, getBox, SETTABLE_STATUSES, type BoxDetail } from '../../../services/box-admin/index.ts';
import { currencyNumeric } from '../../../services/payments/currency.ts';
import { DateTime, DoneNotice, ErrorSummary, Field, Form, Layout, Select, Table, type FormError } from '../../components/index.ts';
import type { SiteContext } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { scenarioLabel, scenarioOptions } from './labels.ts';

/** Which form on the page an error or a success message belongs to. */
export type BoxSection = 'config' | 'activate' | 'status' | 'clock' | 'keys';

export interface BoxPageState {
  section?: BoxSection;
  errors?: FormError[];
  done?: string | undefined;
  /** The form's values to show again after an error. */
  values?: Record<string, string>;
}

/** The currencies offered for a box; the stored CONFIG keeps the numeric code, shown again as its letters. */
export const BOX_CURRENCIES = ['TWD', 'USD', 'JPY', 'HKD', 'CNY', 'SGD', 'MYR', 'THB', 'KRW', 'EUR', 'GBP', 'AUD'];

function currencyLetters(numeric: unknown): string | undefined {
  return BOX_CURRENCIES.find((alpha) => currencyNumeric(alpha) === numeric);
}

function Fact({ label, children }: { label: string; children?: Child }) {
  return <><dt>{label}</dt><dd>{children}</dd></>;
}

function Section({ id, title, state, children }: { id: BoxSection; title: string; state: BoxPageState; children?: Child }) {
  return (
    <section class="panel" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {state.section === id ? <ErrorSummary errors={state.errors ?? []} /> : null}
      {children}
    </section>
  );
}

function ConfigForm({ ctx, box, state }: { ctx: SiteContext; box: BoxDetail; state: BoxPageState }) {
  const { t } = ctx;
  const stored = box.config ?? {};
  const own = state.section === 'config' ? state.values ?? {} : {};
  const value = (name: string) => own[name] ?? (stored[name] === undefined ? undefined : String(stored[name]));
  const errorOf = (name: string) => (state.section === 'config' ? state.errors?.find((e) => e.field === name)?.message : undefined);
  return (
    <Form action={`/admin/boxes/${box.id}/config`} ctx={ctx}>
      <p class="hint">{t('box.configHint')}</p>
      <Select name="scenario" label={t('boxes.scenario')} options={scenarioOptions(t, false)} value={value('scenario')} error={errorOf('scenario')} required />
      <Select name="currency" label={t('box.currency')} options={BOX_CURRENCIES.map((c) => ({ value: c, label: c }))} value={own['currency'] ?? currencyLetters(stored['currency'])} error={errorOf('currency')} required />
      {CONFIG_FIELDS.filter((f) => f.name !== 'scenario').map((f) => (
        <Field name={f.name} type="number" label={t(`config.${f.name}`)} hint={`${f.name} · 0–${f.max}`} min={0} max={f.max} inputmode="numeric" value={value(f.name)} error={errorOf(f.name)} />
      ))}
      <button type="submit">{t('box.sendConfig')}</button>
    </Form>
  );
}

function ActivateForm({ deps, ctx, box, state }: { deps: SiteDeps; ctx: SiteContext; box: BoxDetail; state: BoxPageState }) {
  const { t } = ctx;
  const options = box.merchantId === null ? [] : deps.db.select({ value: stores.id, label: stores.name }).from(stores).where(eq(stores.merchantId, box.merchantId)).all();
  if (box.merchantId === null) return <p>{t('box.notShipped')}</p>;
  const v = state.section === 'activate' ? state.values ?? {} : {};
  return (
    <Form action={`/admin/boxes/${box.id}/activate`} ctx={ctx}>
      <Select name="storeId" label={t('boxes.store')} options={options} value={v['storeId']} required />
      <Field name="machineName" label={t('boxes.machine')} hint={t('box.machineHint')} value={v['machineName']} required />
      <Select name="scenario" id="activate-scenario" label={t('boxes.scenario')} options={scenarioOptions(t, false)} value={v['scenario']} required />
      <button type="submit">{t('box.activate')}</button>
    </Form>
  );
}

function ManageForms({ ctx, box }: { ctx: SiteContext; box: BoxDetail }) {
  const { t } = ctx;
  return (
    <>
      <Form action={`/admin/boxes/${box.id}/status`} ctx={ctx}>
        <Select name="status" id="status-select" label={t('box.newStatus')} options={SETTABLE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} value={box.status} />
        <Field name="reason" label={t('box.reason')} hint={t('box.reasonHint')} />
        <button type="submit">{t('box.setStatus')}</button>
      </Form>
      <div class="actions">
        <Form action={`/admin/boxes/${box.id}/rotate`} ctx={ctx}>
          <button type="submit" class="secondary">{t('box.rotate')}</button>
        </Form>
        <Form action={`/admin/boxes/${box.id}/provision`} ctx={ctx}>
          {box.keyVersion !== null ? <Field name="rotate" type="checkbox" id="provision-rotate" label={t('box.provisionRotate')} value="1" /> : null}
          <button type="submit" class="secondary">{t('box.provision')}</button>
        </Form>
      </div>
    </>
  );
}

export function boxDetailPage(deps: SiteDeps, ctx: SiteContext, boxId: string, state: BoxPageState = {}) {
  const { t } = ctx;
  const box = getBox(deps.db, ctx.principal, boxId);
  const manage = ctx.principal.permissions.includes('boxes.manage');
  return (
    <Layout title={`${t('box.title')} ${box.id}`} ctx={ctx} current="/admin/boxes">
      <DoneNotice done={state.done} prefix="box.done." allowed={['config', 'activate', 'status', 'clock', 'keys']} />
      <dl class="facts">
        <Fact label={t('boxes.id')}><code>{box.id}</code></Fact>
        <Fact label={t('box.serial')}>{box.serial ?? t('common.none')}</Fact>
        <Fact label={t('boxes.board')}>{box.board ? t(`board.${box.board}`) : t('common.none')}</Fact>
        <Fact label={t('common.merchant')}>{box.merchantName ?? t('common.none')}</Fact>
        <Fact label={t('boxes.store')}>{box.storeName ?? t('status.notActivated')}</Fact>
        <Fact label={t('boxes.machine')}>{box.machineName ?? t('common.none')}</Fact>
        <Fact label={t('boxes.scenario')}>{scenarioLabel(t, box.scenario.code)}</Fact>
        <Fact label={t('common.status')}><span class={`badge ${box.status}`}>{t(`status.${box.status}`)}</span></Fact>
        <Fact label={t('boxes.activation')}><DateTime ms={box.activatedAt} /></Fact>
        <Fact label={t('boxes.lastSeen')}><DateTime ms={box.lastSeenAt} /></Fact>
        <Fact label={t('boxes.firmware')}>{box.firmwareVersion ?? t('common.none')}</Fact>
        <Fact label={t('boxes.battery')}>{box.batteryPercent === null ? t('common.none') : `${box.batteryPercent}%`}</Fact>
        <Fact label={t('box.keyVersion')}>{box.keyVersion ?? t('box.notProvisioned')}</Fact>
        <Fact label={t('boxes.configVersions')}>{t('box.configVersionsValue', { applied: box.appliedConfigVersion, set: box.configVersion })}</Fact>
        {box.shipment
          ? <Fact label={t('box.shipment')}>{[box.shipment.carrier, box.shipment.trackingNumber, box.shipment.destination].filter(Boolean).join(' · ')} <DateTime ms={box.shipment.shippedAt} dateOnly /></Fact>
          : null}
      </dl>
      <p class="actions">
        <a class="button secondary" href={`/admin/boxes/${box.id}/sticker.svg`}>{t('box.stickerSvg')}</a>
        <a class="button secondary" href={`/admin/boxes/${box.id}/sticker.png`}>{t('box.stickerPng')}</a>
      </p>
      {manage && !box.activated ? <Section id="activate" title={t('box.activation')} state={state}><ActivateForm deps={deps} ctx={ctx} box={box} state={state} /></Section> : null}
      {manage ? <Section id="config" title={t('box.config')} state={state}><ConfigForm ctx={ctx} box={box} state={state} /></Section> : null}
      {manage ? <Section id="status" title={t('box.statusAndKeys')} state={state}><ManageForms ctx={ctx} box={box} /></Section> : null}
      {manage
        ? (
          <Section id="clock" title={t('box.clock')} state={state}>
            <p class="hint">{t('box.clockHint')}</p>
            <Form action={`/admin/boxes/${box.id}/clock`} ctx={ctx}><button type="submit" class="secondary">{t('box.setClock')}</button></Form>
          </Section>
        )
        : null}
      <Section id="keys" title={t('box.commands')} state={state}>
        <Table
          caption={t('box.commands')}
          columns={[{ label: t('box.commandKind') }, { label: t('common.status') }, { label: t('common.createdAt') }, { label: t('box.updatedAt') }]}
          rows={box.commands.map((cmd) => [t(`command.${cmd.kind}`), t(`command.state.${cmd.state}`), <DateTime ms={cmd.createdAt} />, <DateTime ms={cmd.updatedAt} />])}
        />
        <Table
          caption={t('box.keys')}
          columns={[{ label: t('box.keyVersion'), numeric: true }, { label: t('common.status') }, { label: t('common.createdAt') }, { label: t('box.retiredAt') }]}
          rows={box.keys.map((k) => [k.keyVersion, t(`status.${k.status}`), <DateTime ms={k.createdAt} />, <DateTime ms={k.retiredAt} />])}
        />
      </Section>
      <p><a href="/admin/boxes">{t('common.back')}</a></p>
    </Layout>
  );
}
