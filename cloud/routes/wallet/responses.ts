// What the wallet routes answer, as zod schemas for the OpenAPI document (cloud/openapi); the types tie each to
// the service value the route serialises.
import { z } from 'zod';
import { PAYMENT_STATES } from '../../db/schema/payments.ts';
import type { PaymentView } from '../../services/payments/index.ts';
import type { ResolvedBox } from '../../services/resolve/index.ts';
import type { NamedSchema } from '../../openapi/types.ts';

const hex = (description: string) => z.string().regex(/^(?:[0-9a-f]{2})+$/).describe(description);
const ms = (description: string) => z.number().int().describe(`${description}, ms since the epoch`);

const Payment: z.ZodType<PaymentView> = z.object({
  id: z.string(),
  state: z.enum(PAYMENT_STATES),
  boxId: z.string(),
  txnId: z.string().regex(/^[0-9a-f]{16}$/).describe('the telegram\'s txnId as the box logs it'),
  amountMinor: z.number().int().describe('integer minor units'),
  currency: z.string(),
  sku: z.string().nullable(),
  units: z.number().int(),
  refundedMinor: z.number().int(),
  declineCode: z.string().nullable(),
  expiresAt: ms('Finish must be reached before'),
  createdAt: ms('created'),
  updatedAt: ms('last changed'),
});

const Resolved: z.ZodType<ResolvedBox> = z.object({
  box: z.object({ id: z.string(), scenario: z.object({ code: z.number().int(), name: z.string() }), status: z.string() }),
  merchant: z.object({ id: z.string(), name: z.string(), status: z.string() }),
  store: z.object({ id: z.string(), name: z.string() }),
  merchandise: z.array(z.object({
    sku: z.string(), name: z.string(), priceMinor: z.number().int(), currency: z.string(), scenarioParams: z.record(z.string(), z.unknown()),
  })),
  ble: z.object({
    serviceUuid: z.string(), rssiMin: z.number().int().describe('dBm below which not to connect'),
    scanTimeoutMs: z.number().int(), connectTimeoutMs: z.number().int(), replyTimeoutMs: z.number().int(),
  }),
});

const named = (name: string, schema: z.ZodType): NamedSchema => ({ name, schema });

export const PAYMENT = named('Payment', Payment);
export const RESOLVED = named('ResolvedBox', Resolved);
export const RESOLVED_QR = named('ResolvedQr', z.intersection(Resolved, z.object({
  qr: z.object({
    signature: z.enum(['absent', 'verified', 'invalid']),
    counterfeit: z.boolean().describe('warn the user and do not pay'),
  }),
})));
export const RESOLVE_ANSWER = named('ResolveAnswer', z.union([RESOLVED_QR.schema, Resolved]));
export const CHALLENGE = named('Challenge', z.object({
  challenge: hex('32 hex digits'),
  helloRequest: hex('the HELLO_REQUEST message to write to the box'),
  expiresAt: ms('the challenge is refused from'),
}));
export const SESSION = named('Session', z.object({
  sessionId: z.string(), boxId: z.string(), auth: hex('the AUTH message to write to the box'), walletId: z.number().int(),
  rights: z.number().int().describe('bit set: 1 PAY, 2 UNLOCK, 8 MANAGE (the cloud has commands for the box: POST /sessions/{id}/commands)'), validSeconds: z.number().int(), keyVersion: z.number().int(),
}));
export const PAYMENT_ANSWER = named('PaymentAnswer', z.object({ payment: Payment }));
export const SEALED_PAYMENT = named('SealedPayment', z.object({
  payment: Payment,
  telegram: hex('the PAYMENT TELEGRAM to write to the box'),
  telegramExpiresAt: ms('the box refuses the telegram from'),
}));
export const PAYMENT_REFUSED = named('PaymentRefused', z.object({
  error: z.object({
    type: z.literal('invalid_request_error'), code: z.enum(['payment_declined', 'payment_closed']), message: z.string(), param: z.null(),
    declineCode: z.string().optional(), declinedBy: z.enum(['acquirer', 'controls']).optional(),
  }),
  payment: Payment,
}));
export const BOX_LOG_UPLOAD = named('BoxLogUpload', z.object({
  boxId: z.string(),
  stored: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  results: z.array(z.union([
    z.object({
      index: z.number().int(), seq: z.number().int(), status: z.enum(['stored', 'duplicate']), paymentId: z.string().nullable(),
      mismatch: z.array(z.string()).describe('what the record says against the payment'),
    }),
    z.object({
      index: z.number().int(), status: z.literal('rejected'), code: z.enum(['record_malformed', 'mac_invalid', 'seq_conflict']), seq: z.number().int().optional(),
    }),
  ])),
}));
