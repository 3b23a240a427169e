import { CloudError } from '../../errors/cloud-error.ts';
import { verifySignatureHeader } from '../../webhooks/signature.ts';
import type { AcquirerCallback, CallbackHeaders } from '../types.ts';
import { chargeFromAnswer, refundFromAnswer } from './mapping.ts';
import { callbackBody, SIGNATURE_HEADER } from './protocol.ts';

function header(headers: CallbackHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export interface VerifyCallbackOptions {
  secret: string;
  toleranceS: number;
  nowS: number;
}

/**
 * Signature first, over the raw bytes, then parsing: an unsigned body is never interpreted. A replay inside the
 * tolerance window parses again to the same outcome, which the payment state machine applies once.
 */
export function verifyGatewayCallback(rawBody: string | Uint8Array, headers: CallbackHeaders, options: VerifyCallbackOptions): AcquirerCallback {
  verifySignatureHeader(options.secret, rawBody, header(headers, SIGNATURE_HEADER), { nowS: options.nowS, toleranceS: options.toleranceS });
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody));
  } catch {
    throw new CloudError('callback_malformed', 'callback body is not JSON');
  }
  const parsed = callbackBody.safeParse(json);
  if (!parsed.success) throw new CloudError('callback_malformed', 'callback body is not a charge or refund update');
  const event = parsed.data;
  return event.type === 'charge'
    ? { kind: 'charge', paymentId: event.reference, result: chargeFromAnswer(event) }
    : { kind: 'refund', refundId: event.reference, result: refundFromAnswer(event) };
}
