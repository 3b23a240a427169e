import { ACQUIRER_KINDS, type AcquirerSettingsView } from '../../../services/payment-admin/acquirer-settings.ts';
import { DateTime, ErrorSummary, Field, Form, Layout, Notice, Select, type FormError, type SelectOption } from '../../components/index.ts';
import type { SiteContext } from '../../context.ts';

export interface AcquirerFormValues {
  kind: string;
  baseUrl: string;
  merchant: string;
}

export interface AcquirerViewProps {
  ctx: SiteContext;
  /** Platform accounts choose the merchant; empty for a merchant account, which has only its own. */
  merchants: SelectOption[];
  merchantId: string | undefined;
  current: AcquirerSettingsView | null;
  values: AcquirerFormValues;
  errors: FormError[];
  saved: boolean;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function valuesOf(current: AcquirerSettingsView | null): AcquirerFormValues {
  return { kind: current?.kind ?? 'simulator', baseUrl: text(current?.settings.baseUrl), merchant: text(current?.settings.merchant) };
}

function Current({ ctx, current }: { ctx: SiteContext; current: AcquirerSettingsView | null }) {
  const t = ctx.t;
  if (!current) return <Notice kind="info">{t('acquirer.none')}</Notice>;
  return (
    <dl class="facts">
      <dt>{t('acquirer.kind')}</dt><dd>{t(`acquirer.kind.${current.kind}`)}</dd>
      {Object.entries(current.settings).map(([k, v]) => <><dt>{k}</dt><dd><code>{String(v)}</code></dd></>)}
      <dt>{t('acquirer.secret')}</dt><dd>{current.secretSet ? t('acquirer.secretSet') : t('acquirer.secretUnset')}</dd>
      <dt>{t('acquirer.updatedAt')}</dt><dd><DateTime ms={current.updatedAt} /></dd>
    </dl>
  );
}

/**
 * The merchant's acquirer. The secret field is write-only: it is never filled in, the page says only whether
 * a secret is stored, and leaving it blank keeps the stored one.
 */
export function acquirerView({ ctx, merchants, merchantId, current, values, errors, saved }: AcquirerViewProps) {
  const t = ctx.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout title={t('acquirer.title')} ctx={ctx} current="/admin/acquirer">
      {saved ? <Notice kind="success">{t('acquirer.saved')}</Notice> : null}
      {merchants.length > 0
        ? (
          <Form action="/admin/acquirer" method="get" ctx={ctx} class="filters">
            <Select name="merchantId" label={t('acquirer.merchant')} options={merchants} value={merchantId} blank={t('acquirer.chooseMerchant')} />
            <button type="submit">{t('common.view')}</button>
          </Form>
        )
        : null}
      {merchantId
        ? (
          <>
            <section class="panel" aria-labelledby="acquirer-current">
              <h2 id="acquirer-current">{t('acquirer.current')}</h2>
              <Current ctx={ctx} current={current} />
            </section>
            <ErrorSummary errors={errors} />
            <Form action="/admin/acquirer" ctx={ctx}>
              <input type="hidden" name="merchantId" value={merchantId} />
              <Select
                name="kind"
                label={t('acquirer.kind')}
                options={ACQUIRER_KINDS.map((k) => ({ value: k, label: t(`acquirer.kind.${k}`) }))}
                value={values.kind}
                error={error('kind')}
                required
              />
              <fieldset>
                <legend>{t('acquirer.kind.http')}</legend>
                <Field name="baseUrl" type="url" label={t('acquirer.url')} value={values.baseUrl} error={error('baseUrl')} />
                <Field name="merchant" label={t('acquirer.acquirerMerchantId')} value={values.merchant} error={error('merchant')} />
                <Field
                  name="secret"
                  type="password"
                  label={t('acquirer.secret')}
                  autocomplete="new-password"
                  hint={current?.secretSet ? t('acquirer.secretSet') : t('acquirer.secretUnset')}
                  error={error('secret')}
                />
              </fieldset>
              <button type="submit">{t('common.save')}</button>
            </Form>
          </>
        )
        : null}
    </Layout>
  );
}
