import type { TransactionDetail } from '../../../services/payment-admin/detail.ts';
import { ErrorSummary, Layout, Notice, formatMoney } from '../../components/index.ts';
import type { FormError } from '../../components/index.ts';
import type { SiteContext } from '../../context.ts';
import { AuditProof, History, Receipts, Refunds, Summary } from './detail-sections.tsx';
import { RefundForm, type RefundFormValues } from './refund-form.tsx';

export interface DetailViewProps {
  ctx: SiteContext;
  detail: TransactionDetail;
  /** The refund just made, to announce its outcome. */
  justRefunded?: string | undefined;
  refund?: { values: RefundFormValues; errors: FormError[] };
}

function RefundOutcome({ ctx, detail, refundId }: { ctx: SiteContext; detail: TransactionDetail; refundId: string }) {
  const refund = detail.refunds.find((r) => r.id === refundId);
  if (!refund) return null;
  const amount = formatMoney(refund.amountMinor, detail.transaction.currency, ctx.locale);
  const kind = refund.state === 'refunded' ? 'success' : refund.state === 'pending' ? 'warning' : 'error';
  return <Notice kind={kind}>{ctx.t(`refund.done.${refund.state}`, { amount })}</Notice>;
}

export function detailView({ ctx, detail, justRefunded, refund }: DetailViewProps) {
  const t = ctx.t;
  const canRefund = ctx.principal.permissions.includes('payments.refund') && detail.refundableMinor > 0;
  const fieldErrors: Record<string, string> = {};
  for (const e of refund?.errors ?? []) if (e.field) fieldErrors[e.field] = e.message;
  return (
    <Layout title={t('payment.title')} ctx={ctx} current="/admin/payments">
      <p><a href="/admin/payments">{t('payment.back')}</a></p>
      {justRefunded ? <RefundOutcome ctx={ctx} detail={detail} refundId={justRefunded} /> : null}
      <ErrorSummary errors={refund?.errors ?? []} />
      <Summary detail={detail} />
      {canRefund ? <RefundForm ctx={ctx} detail={detail} values={refund?.values ?? {}} errors={fieldErrors} /> : null}
      <History detail={detail} />
      <Refunds detail={detail} />
      <Receipts detail={detail} />
      <AuditProof detail={detail} />
    </Layout>
  );
}
