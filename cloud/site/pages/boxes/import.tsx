import { importShipments, SHIPMENT_COLUMNS, type CsvLineError } from '../../../services/box-admin/index.ts';
import { ErrorSummary, Field, Form, Layout, Notice, Table } from '../../components/index.ts';
import type { SiteContext } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import type { PostedForm } from '../../forms.ts';

export function importPage(ctx: SiteContext, state: { errors?: CsvLineError[]; fileName?: string; missing?: boolean } = {}) {
  const { t } = ctx;
  const errors = state.errors ?? [];
  return (
    <Layout title={t('import.title')} ctx={ctx} current="/admin/boxes/import">
      {errors.length > 0
        ? (
          <>
            <Notice kind="error">{t('import.failed', { n: errors.length, file: state.fileName ?? '' })}</Notice>
            <Table
              caption={t('import.errors')}
              columns={[{ label: t('import.line'), numeric: true }, { label: t('import.column') }, { label: t('import.code') }, { label: t('import.message') }]}
              rows={errors.map((e) => [e.line, e.column ?? t('common.none'), <code>{e.code}</code>, e.message])}
            />
          </>
        )
        : null}
      {state.missing ? <ErrorSummary errors={[{ field: 'csv', message: t('import.noFile') }]} /> : null}
      <p>{t('import.intro')}</p>
      <p>{t('import.columns')} <code>{SHIPMENT_COLUMNS.join(',')}</code></p>
      <Form action="/admin/boxes/import" ctx={ctx} enctype="multipart/form-data">
        <Field name="csv" type="file" label={t('import.file')} accept=".csv,text/csv" hint={t('import.fileHint')} error={state.missing ? t('import.noFile') : undefined} required />
        <button type="submit">{t('import.submit')}</button>
      </Form>
    </Layout>
  );
}

/** All or nothing: with any bad line nothing is written, and every error is listed with its line in the file. */
export async function runImport({ db, now }: SiteDeps, ctx: SiteContext, form: PostedForm): Promise<{ ok: true; imported: number } | { ok: false; page: ReturnType<typeof importPage> }> {
  const file = form.file('csv');
  const text = file && file.size > 0 ? await file.text() : form.text('csvText');
  if (text.trim() === '') return { ok: false, page: importPage(ctx, { missing: true }) };
  const result = importShipments(db, ctx.principal, text, now());
  if (result.ok) return { ok: true, imported: result.imported };
  return { ok: false, page: importPage(ctx, { errors: result.errors, ...(file ? { fileName: file.name } : {}) }) };
}
