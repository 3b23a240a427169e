import type { ChargeResult, RefundResult } from '../types.ts';
import type { GatewayOutcome } from './gateway-client.ts';
import { chargeAnswer, errorAnswer, refundAnswer } from './protocol.ts';

type ChargeAnswer = ReturnType<typeof chargeAnswer.parse>;
type RefundAnswer = ReturnType<typeof refundAnswer.parse>;

export function chargeFromAnswer(answer: ChargeAnswer): ChargeResult {
  if (answer.status === 'approved') return { outcome: 'approved', acquirerRef: answer.id };
  if (answer.status === 'declined') return { outcome: 'declined', code: answer.code ?? 'declined', message: answer.message ?? 'The gateway declined the payment.' };
  return { outcome: 'pending', acquirerRef: answer.id, reason: 'gateway_pending' };
}

export function refundFromAnswer(answer: RefundAnswer): RefundResult {
  if (answer.status === 'refunded') return { outcome: 'refunded', acquirerRef: answer.id };
  if (answer.status === 'failed') return { outcome: 'failed', code: answer.code ?? 'refund_failed', message: answer.message ?? 'The gateway refused the refund.' };
  return { outcome: 'pending', acquirerRef: answer.id, reason: 'gateway_pending' };
}

/** A 4xx (other than 429) is the gateway refusing this request for good: its code is the decline code. */
function rejection(status: number, body: unknown): { code: string; message: string } {
  const parsed = errorAnswer.safeParse(body);
  return parsed.success
    ? { code: parsed.data.error.code, message: parsed.data.error.message ?? `The gateway refused the request (HTTP ${status}).` }
    : { code: 'gateway_rejected', message: `The gateway refused the request (HTTP ${status}).` };
}

export function chargeFromOutcome(outcome: GatewayOutcome): ChargeResult {
  if (outcome.kind === 'unanswered') return { outcome: 'pending', reason: outcome.reason };
  if (outcome.status >= 400) return { outcome: 'declined', ...rejection(outcome.status, outcome.body) };
  const parsed = chargeAnswer.safeParse(outcome.body);
  // A 2xx we cannot read may still mean the charge happened: pending, settled by a repeat or a callback.
  return parsed.success ? chargeFromAnswer(parsed.data) : { outcome: 'pending', reason: 'gateway_bad_response' };
}

export function refundFromOutcome(outcome: GatewayOutcome): RefundResult {
  if (outcome.kind === 'unanswered') return { outcome: 'pending', reason: outcome.reason };
  if (outcome.status >= 400) return { outcome: 'failed', ...rejection(outcome.status, outcome.body) };
  const parsed = refundAnswer.safeParse(outcome.body);
  return parsed.success ? refundFromAnswer(parsed.data) : { outcome: 'pending', reason: 'gateway_bad_response' };
}
