import { denyListCode, type DenyLists } from './deny-lists.ts';
import { DEFAULT_HEURISTICS, isAmountSpike, isBurst, type HeuristicRules, type RollingAmounts } from './heuristics.ts';
import { dailyCode, exceedsTransactionMax, fitsDailyLimit, type DailyLimit, type DailyUsage } from './limits.ts';
import { allowed, refused, type ControlCode, type ControlDecision, type ControlFlag } from './types.ts';

export interface BoxControlData {
  id: string;
  maxPerTransactionMinor?: number;
  daily: DailyLimit;
  /** Today's totals at this box before this payment. */
  usage: DailyUsage;
  /** Epoch-ms times of this box's recent payments (at least the burst window). */
  recentPaymentTimes: readonly number[];
  /** The box's recent approved amounts, for the spike rule. */
  rolling: RollingAmounts;
}

export interface WalletControlData {
  id: string;
  daily: DailyLimit;
  usage: DailyUsage;
  recentPaymentTimes: readonly number[];
}

export interface PaymentControlInput {
  amountMinor: number;
  nowMs: number;
  box: BoxControlData;
  wallet: WalletControlData;
  denyLists: DenyLists;
  heuristics?: HeuristicRules;
}

function refusal(input: PaymentControlInput): ControlCode | undefined {
  const { amountMinor, box, wallet } = input;
  const listed = denyListCode(input.denyLists, box.id, wallet.id);
  if (listed) return listed;
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) return 'amount_invalid';
  if (exceedsTransactionMax(amountMinor, box.maxPerTransactionMinor)) return 'transaction_max_exceeded';
  const atBox = fitsDailyLimit(box.usage, amountMinor, box.daily);
  if (atBox !== 'ok') return dailyCode('box', atBox);
  const forWallet = fitsDailyLimit(wallet.usage, amountMinor, wallet.daily);
  if (forWallet !== 'ok') return dailyCode('wallet', forWallet);
  return undefined;
}

function flags(input: PaymentControlInput): ControlFlag[] {
  const rules = input.heuristics ?? DEFAULT_HEURISTICS;
  const found: ControlFlag[] = [];
  if (isBurst(input.box.recentPaymentTimes, input.nowMs, rules.burst)) found.push('burst_box');
  if (isBurst(input.wallet.recentPaymentTimes, input.nowMs, rules.burst)) found.push('burst_wallet');
  if (Number.isSafeInteger(input.amountMinor) && isAmountSpike(input.amountMinor, input.box.rolling, rules.spike)) found.push('amount_spike');
  return found;
}

/**
 * Seed 003's controls for one payment, before the acquirer is called. Refusals are checked in a fixed order
 * (deny lists, amount, per-transaction maximum, box day, wallet day) so the same data always gives the same
 * code; heuristic flags are computed even for a refused payment, since a refused burst is worth a look too.
 */
export function evaluatePayment(input: PaymentControlInput): ControlDecision {
  const code = refusal(input);
  const found = flags(input);
  return code === undefined ? allowed(found) : refused(code, found);
}
