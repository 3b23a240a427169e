import { randomUUID } from 'node:crypto';
import type { TransactionDetail } from '../../../services/payment-admin/detail.ts';
import { Field, Form, formatMoney } from '../../components/index.ts';
import type { SiteContext } from '../../context.ts';

export interface RefundFormValues {
  kind?: 'full' | 'partial';
  amount?: string;
  reason?: string;
  /** Kept across a re-shown form, so a second submit of the same refund is the same refund. */
  refundKey?: string;
}

/**
 * Full or partial refund of what remains. Each rendering carries a fresh idempotency key: a double click or a
 * resubmitted POST answers the refund already made instead of paying twice.
 */
export function RefundForm({ ctx, detail, values, errors }: { ctx: SiteContext; detail: TransactionDetail; values: RefundFormValues; errors: Record<string, string> }) {
  const t = ctx.t;
  const r = detail.transaction;
  const remaining = formatMoney(detail.refundableMinor, r.currency, ctx.locale);
  const partial = values.kind === 'partial';
  return (
    <section class="panel" aria-labelledby="refund-title">
      <h2 id="refund-title">{t('refund.title')}</h2>
      <p>{t('refund.remaining', { amount: remaining })}</p>
      <Form action={`/admin/payments/${encodeURIComponent(r.id)}/refund`} ctx={ctx} class="refund-form">
        <input type="hidden" name="refundKey" value={values.refundKey ?? randomUUID()} />
        <fieldset>
          <legend>{t('refund.kind')}</legend>
          <div class="field check">
            <label for="refund-full">{t('refund.full', { amount: remaining })}</label>
            <input type="radio" id="refund-full" name="kind" value="full" checked={!partial} />
          </div>
          <div class="field check">
            <label for="refund-partial">{t('refund.partial')}</label>
            <input type="radio" id="refund-partial" name="kind" value="partial" checked={partial} />
          </div>
          <Field name="amount" label={t('refund.amount')} hint={t('refund.amountHint', { currency: r.currency })} value={values.amount} inputmode="decimal" error={errors.amount} />
        </fieldset>
        <Field name="reason" label={t('refund.reason')} value={values.reason} required multiline error={errors.reason} />
        <button type="submit" class="danger">{t('refund.submit')}</button>
      </Form>
    </section>
  );
}
