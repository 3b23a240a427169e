import type { PaymentState } from '../../../db/schema/payments.ts';
import { usePage } from '../../components/index.ts';

/** A payment state in the reader's language; the class lets the stylesheet colour settled and failed ones. */
export function StateBadge({ state }: { state: PaymentState }) {
  const { t } = usePage();
  return <span class={`badge state-${state}`}>{t(`payments.state.${state}`)}</span>;
}
