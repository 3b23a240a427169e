import type { TransactionDetail } from '../../../services/payment-admin/detail.ts';
import { DateTime, Money, Notice, Table, usePage } from '../../components/index.ts';
import { StateBadge } from './state-badge.tsx';

export function Summary({ detail }: { detail: TransactionDetail }) {
  const { t, principal } = usePage();
  const r = detail.transaction;
  const boxLink = principal?.permissions.includes('boxes.view') === true;
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t('payment.summary')}</h2>
      <dl class="facts">
        <dt>{t('payment.id')}</dt><dd><code>{r.id}</code></dd>
        <dt>{t('payment.txnId')}</dt><dd><code>{r.txnId}</code></dd>
        <dt>{t('payments.time')}</dt><dd><DateTime ms={r.createdAt} /></dd>
        <dt>{t('payments.amount')}</dt><dd><Money minor={r.amountMinor} currency={r.currency} /></dd>
        <dt>{t('payments.state')}</dt><dd><StateBadge state={r.state} /></dd>
        <dt>{t('payments.refunded')}</dt><dd><Money minor={r.refundedMinor} currency={r.currency} /></dd>
        <dt>{t('payments.merchantName')}</dt><dd>{r.merchant.name}</dd>
        <dt>{t('payments.merchantCode')}</dt><dd>{r.merchant.code ?? t('common.none')}</dd>
        <dt>{t('payments.store')}</dt><dd>{r.store.name}</dd>
        <dt>{t('payments.box')}</dt>
        <dd>
          {r.box.machineName ?? ''} {boxLink ? <a href={`/admin/boxes/${r.box.id}`}><code>{r.box.id}</code></a> : <code>{r.box.id}</code>}
        </dd>
        <dt>{t('payments.wallet')}</dt><dd>{r.walletApp.name}</dd>
        <dt>{t('payment.merchandise')}</dt><dd>{r.merchandise ? `${r.merchandise.name ?? ''} (${r.merchandise.sku})` : t('common.none')}</dd>
        <dt>{t('payment.units')}</dt><dd>{r.units}</dd>
        <dt>{t('payment.acquirer')}</dt><dd>{detail.charge.acquirer ?? t('common.none')}</dd>
        <dt>{t('payment.acquirerRef')}</dt><dd>{detail.charge.acquirerRef ? <code>{detail.charge.acquirerRef}</code> : t('common.none')}</dd>
      </dl>
    </section>
  );
}

/** Every state the payment passed through, oldest first, as the payment_events rows record them. */
export function History({ detail }: { detail: TransactionDetail }) {
  const { t } = usePage();
  return (
    <section class="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('payment.history')}</h2>
      <Table
        caption={t('payment.history')}
        columns={[{ label: t('payments.time') }, { label: t('payment.fromState') }, { label: t('payment.toState') }, { label: t('payment.reason') }]}
        rows={detail.events.map((e) => [
          <DateTime ms={e.createdAt} />,
          e.fromState ? <StateBadge state={e.fromState} /> : t('common.none'),
          <StateBadge state={e.toState} />,
          e.reason ?? t('common.none'),
        ])}
      />
    </section>
  );
}

export function Receipts({ detail }: { detail: TransactionDetail }) {
  const { t } = usePage();
  if (detail.receipts.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="receipts-title">
      <h2 id="receipts-title">{t('payment.receipts')}</h2>
      <Table
        caption={t('payment.receipts')}
        columns={[{ label: t('payments.time') }, { label: t('payment.receiptStatus'), numeric: true }, { label: t('payment.receiptCounter'), numeric: true }, { label: t('payment.receiptOutcome') }]}
        rows={detail.receipts.map((r) => [<DateTime ms={r.receivedAt} />, r.status, r.counter, r.outcome])}
      />
    </section>
  );
}

export function Refunds({ detail }: { detail: TransactionDetail }) {
  const { t } = usePage();
  if (detail.refunds.length === 0) return null;
  const currency = detail.transaction.currency;
  return (
    <section class="panel" aria-labelledby="refunds-title">
      <h2 id="refunds-title">{t('payment.refunds')}</h2>
      <Table
        caption={t('payment.refunds')}
        columns={[{ label: t('payments.time') }, { label: t('payments.amount'), numeric: true }, { label: t('payment.refundState') }, { label: t('payment.reason') }]}
        rows={detail.refunds.map((r) => [
          <DateTime ms={r.createdAt} />,
          <Money minor={r.amountMinor} currency={currency} />,
          <span class={`badge ${r.state}`}>{t(`refund.state.${r.state}`)}</span>,
          r.reason,
        ])}
      />
    </section>
  );
}

/** The payment's audit rows with their hashes, and whether the chain from them to the head recomputes. */
export function AuditProof({ detail }: { detail: TransactionDetail }) {
  const { t } = usePage();
  const proof = detail.audit;
  return (
    <section class="panel" aria-labelledby="proof-title">
      <h2 id="proof-title">{t('payment.proof')}</h2>
      {proof.verified
        ? <Notice kind="success"><p class="proof-verified">{t('payment.proofVerified')} <code>{proof.headHash}</code></p></Notice>
        : <Notice kind="error"><p class="proof-broken">{t('payment.proofBroken')}</p></Notice>}
      <Table
        caption={t('payment.proofRows')}
        columns={[{ label: t('payment.seq'), numeric: true }, { label: t('payments.time') }, { label: t('payment.action') }, { label: t('payment.actor') }, { label: t('payment.hash') }, { label: t('payment.prevHash') }]}
        rows={proof.rows.map((r) => [r.id, <DateTime ms={r.at} />, r.action, r.actor, <code>{r.hash}</code>, <code>{r.prevHash}</code>])}
      />
    </section>
  );
}
