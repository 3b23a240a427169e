import { z } from 'zod';

/**
 * The generic gateway's wire format (docs/acquirers.md). Every request and callback body is JSON signed with
 * the shared secret in `Gateway-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`.
 */
export const SIGNATURE_HEADER = 'gateway-signature';

export interface GatewayChargeBody {
  idempotency_key: string;
  amount: number;
  currency: string;
  merchant: string;
  reference: string;
}

export interface GatewayRefundBody extends GatewayChargeBody {
  /** The gateway's id of the charge being refunded. */
  charge: string;
}

const code = z.string().min(1).max(64);
const message = z.string().max(500);

export const chargeAnswer = z.object({
  id: z.string().min(1).max(200),
  status: z.enum(['approved', 'declined', 'pending']),
  code: code.optional(),
  message: message.optional(),
});

export const refundAnswer = z.object({
  id: z.string().min(1).max(200),
  status: z.enum(['refunded', 'failed', 'pending']),
  code: code.optional(),
  message: message.optional(),
});

export const errorAnswer = z.object({ error: z.object({ code, message: message.optional() }) });

export const callbackBody = z.discriminatedUnion('type', [
  chargeAnswer.extend({ type: z.literal('charge'), reference: z.string().min(1).max(200) }),
  refundAnswer.extend({ type: z.literal('refund'), reference: z.string().min(1).max(200) }),
]);

export const chargeKey = (paymentId: string) => `charge:${paymentId}`;
export const refundKey = (refundId: string) => `refund:${refundId}`;
