import { createHash } from 'node:crypto';
import type { Acquirer, AcquirerCallback, ChargeRequest, ChargeResult, RefundRequest, RefundResult } from '../types.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { magicCharge, magicRefund } from './magic.ts';

export interface SimulatedRefund {
  refundId: string;
  amountMinor: number;
  result: RefundResult;
}

/** One charge as the simulator's books hold it: `charged` says whether money moved; `calls` counts requests. */
export interface SimulatorLedgerEntry {
  paymentId: string;
  amountMinor: number;
  currency: string;
  merchantId: string;
  result: ChargeResult;
  charged: boolean;
  calls: number;
  refunds: SimulatedRefund[];
}

export interface SimulatorAcquirer extends Acquirer {
  /** A copy of the books, for tests. */
  ledger(): SimulatorLedgerEntry[];
  /**
   * Settles a pending charge as an acquirer's late answer would, and returns the callback the route layer
   * would have received. Later charge() calls for the payment answer the settled result.
   */
  settle(paymentId: string, outcome: 'approved' | 'declined'): AcquirerCallback;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);
export const simulatedChargeRef = (paymentId: string) => `sim_ch_${digest(paymentId)}`;
export const simulatedRefundRef = (refundId: string) => `sim_re_${digest(refundId)}`;

const conflict = { code: 'idempotency_conflict', message: 'The same id was used with a different amount or currency.' };

function refunded(entry: SimulatorLedgerEntry): number {
  return entry.refunds.reduce((sum, r) => sum + (r.result.outcome === 'refunded' ? r.amountMinor : 0), 0);
}

function firstCharge(request: ChargeRequest): { result: ChargeResult; charged: boolean } {
  if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor <= 0) {
    return { result: { outcome: 'declined', code: 'invalid_amount', message: 'The amount must be a positive whole number of minor units.' }, charged: false };
  }
  const magic = magicCharge(request.amountMinor);
  if (magic === undefined) return { result: { outcome: 'approved', acquirerRef: simulatedChargeRef(request.paymentId) }, charged: true };
  if (magic.outcome === 'transient') return { result: { outcome: 'pending', reason: 'acquirer_error' }, charged: false };
  return { result: magic, charged: false };
}

function refundOutcome(entry: SimulatorLedgerEntry | undefined, request: RefundRequest): RefundResult {
  if (!entry || !entry.charged || entry.result.outcome !== 'approved' || entry.result.acquirerRef !== request.acquirerRef) {
    return { outcome: 'failed', code: 'charge_not_found', message: 'No approved charge matches this refund.' };
  }
  if (request.currency !== entry.currency) return { outcome: 'failed', code: 'currency_mismatch', message: 'The refund currency differs from the charge.' };
  if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor <= 0 || request.amountMinor > entry.amountMinor - refunded(entry)) {
    return { outcome: 'failed', code: 'amount_exceeds_charge', message: 'The refund exceeds what remains of the charge.' };
  }
  return magicRefund(request.amountMinor) ?? { outcome: 'refunded', acquirerRef: simulatedRefundRef(request.refundId) };
}

/**
 * Test-mode acquirer: approves by default, magic amounts (magic.ts) decline or leave the charge pending.
 * Idempotent per paymentId and per refundId, like a real gateway keyed by idempotency key: a repeated request
 * answers the stored result and never moves money twice. Keep one instance per process; its books are in memory.
 */
export function createSimulatorAcquirer(name = 'simulator'): SimulatorAcquirer {
  const books = new Map<string, SimulatorLedgerEntry>();

  return {
    name,
    async charge(request) {
      const entry = books.get(request.paymentId);
      if (!entry) {
        const first = firstCharge(request);
        books.set(request.paymentId, {
          paymentId: request.paymentId,
          amountMinor: request.amountMinor,
          currency: request.currency,
          merchantId: request.merchantId,
          ...first,
          calls: 1,
          refunds: [],
        });
        return first.result;
      }
      if (entry.amountMinor !== request.amountMinor || entry.currency !== request.currency) return { outcome: 'declined', ...conflict };
      entry.calls += 1;
      if (magicCharge(entry.amountMinor)?.outcome === 'transient' && !entry.charged && entry.result.outcome === 'pending') {
        entry.result = { outcome: 'approved', acquirerRef: simulatedChargeRef(entry.paymentId) };
        entry.charged = true;
      }
      return entry.result;
    },
    async refund(request) {
      const entry = books.get(request.paymentId);
      const previous = entry?.refunds.find((r) => r.refundId === request.refundId);
      if (previous) return previous.amountMinor === request.amountMinor ? previous.result : { outcome: 'failed', ...conflict };
      const result = refundOutcome(entry, request);
      entry?.refunds.push({ refundId: request.refundId, amountMinor: request.amountMinor, result });
      return result;
    },
    ledger() {
      return [...books.values()].map((e) => ({ ...e, refunds: e.refunds.map((r) => ({ ...r })) }));
    },
    settle(paymentId, outcome) {
      const entry = books.get(paymentId);
      if (!entry || entry.result.outcome !== 'pending') throw new CloudError('charge_not_pending', `no pending simulated charge ${paymentId}`);
      entry.result = outcome === 'approved'
        ? { outcome: 'approved', acquirerRef: simulatedChargeRef(paymentId) }
        : { outcome: 'declined', code: 'do_not_honor', message: 'The issuer declined the payment without a reason.' };
      entry.charged = outcome === 'approved';
      return { kind: 'charge', paymentId, result: entry.result };
    },
  };
}
