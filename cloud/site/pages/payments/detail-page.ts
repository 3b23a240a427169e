import type { Context } from 'hono';
import { CloudError } from '../../../errors/cloud-error.ts';
import { transactionDetail } from '../../../services/payment-admin/detail.ts';
import { refundTransaction } from '../../../services/payment-admin/refunds.ts';
import { currencyDigits, formatMoney } from '../../components/index.ts';
import type { FormError } from '../../components/index.ts';
import type { SiteContext, SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { postedForm, type PostedForm } from '../../forms.ts';
import { detailView } from './detail-view.tsx';
import { toMinor } from './query-form.ts';
import type { RefundFormValues } from './refund-form.tsx';

/** Refusals of the refund path that the operator can act on; the form shows them instead of an error page. */
const REFUND_REFUSALS = ['refund_exceeds_payment', 'payment_not_charged', 'idempotency_key_reused', 'reason_required'];

export function detailPage({ db }: SiteDeps, ctx: SiteContext, paymentId: string, justRefunded: string | undefined) {
  return detailView({ ctx, detail: transactionDetail(db, ctx.principal, paymentId), justRefunded });
}

function readRefundForm(form: PostedForm): RefundFormValues {
  return {
    kind: form.text('kind') === 'partial' ? 'partial' : 'full',
    amount: form.text('amount'),
    reason: form.text('reason'),
    refundKey: form.text('refundKey') || undefined,
  };
}

/** Checks the form against what remains refundable; the service checks again inside its transaction. */
function validate(ctx: SiteContext, values: RefundFormValues, currency: string, refundable: number): { errors: FormError[]; amountMinor?: number } {
  const errors: FormError[] = [];
  if (!values.reason) errors.push({ field: 'reason', message: ctx.t('refund.reasonRequired') });
  if (values.kind !== 'partial') return { errors };
  const amountMinor = toMinor(values.amount ?? '', currencyDigits(currency));
  if (amountMinor === undefined || amountMinor <= 0 || amountMinor > refundable) {
    errors.push({ field: 'amount', message: ctx.t('refund.amountInvalid', { amount: formatMoney(refundable, currency, ctx.locale) }) });
    return { errors };
  }
  return { errors, amountMinor };
}

export async function refundPage(deps: SiteDeps, c: Context<SiteEnv>, ctx: SiteContext, paymentId: string) {
  const detail = transactionDetail(deps.db, ctx.principal, paymentId);
  const values = readRefundForm(await postedForm(c));
  const { errors, amountMinor } = validate(ctx, values, detail.transaction.currency, detail.refundableMinor);
  const again = (formErrors: FormError[]) => {
    c.status(422);
    return detailView({ ctx, detail, refund: { values, errors: formErrors } });
  };
  if (errors.length > 0) return again(errors);
  if (!deps.acquirer) throw new CloudError('acquirer_unavailable', 'this server has no acquirer to refund through');
  try {
    const result = await refundTransaction({ db: deps.db, kek: deps.kek, now: deps.now, acquirer: deps.acquirer }, ctx.principal, {
      paymentId, reason: values.reason ?? '',
      ...(amountMinor === undefined ? {} : { amountMinor }),
      ...(values.refundKey ? { idempotencyKey: values.refundKey } : {}),
    });
    return c.redirect(`/admin/payments/${encodeURIComponent(paymentId)}?refund=${encodeURIComponent(result.refund.id)}`, 303);
  } catch (err) {
    if (!(err instanceof CloudError) || !REFUND_REFUSALS.includes(err.code)) throw err;
    return again([{ message: ctx.t('refund.refused', { detail: err.message }) }]);
  }
}
