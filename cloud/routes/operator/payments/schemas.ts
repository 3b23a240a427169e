import { z } from 'zod';
import { PAYMENT_STATES } from '../../../db/schema/payments.ts';

export const PAYMENT_ID = z.string().regex(/^pay_[0-9a-f]{24}$/);

const named = z.object({ id: z.string(), name: z.string() });

export const TransactionRow = z.object({
  id: z.string(),
  txnId: z.string().describe('the telegram\'s transaction id, 16 hex digits, as the box logs it'),
  createdAt: z.number().int().describe('ms since the epoch'),
  merchant: named.extend({ code: z.string().nullable() }),
  store: named,
  box: z.object({ id: z.string(), machineName: z.string().nullable() }),
  walletApp: named,
  merchandise: z.object({ sku: z.string(), name: z.string().nullable() }).nullable().describe('null for an amount typed at a merchant counter'),
  units: z.number().int(),
  amountMinor: z.number().int(),
  currency: z.string(),
  state: z.enum(PAYMENT_STATES),
  refundedMinor: z.number().int(),
});

const RefundState = z.enum(['pending', 'refunded', 'failed']);

export const AuditProof = z.object({
  rows: z.array(z.object({
    id: z.number().int(), at: z.number().int(), actor: z.string(), action: z.string(), data: z.unknown(), prevHash: z.string(), hash: z.string(),
  })),
  verified: z.boolean().describe('every row from the first one listed to the head recomputes and links'),
  headHash: z.string().nullable().describe('hash of the newest row checked; compare with a copy kept elsewhere'),
  checkedRows: z.number().int(),
  brokenId: z.number().int().optional().describe('the first row that failed'),
});

export const TransactionDetail = z.object({
  transaction: TransactionRow,
  charge: z.object({ acquirer: z.string().nullable(), status: z.enum(['none', 'pending', 'approved', 'declined']), acquirerRef: z.string().nullable(), declineCode: z.string().nullable() }),
  refundableMinor: z.number().int().describe('the amount less refunds done or pending; 0 when nothing was charged'),
  scenario: z.number().int(),
  machineUnits: z.number().int(),
  flags: z.array(z.string()),
  expiresAt: z.number().int(),
  updatedAt: z.number().int(),
  events: z.array(z.object({ fromState: z.enum(PAYMENT_STATES).nullable(), toState: z.enum(PAYMENT_STATES), reason: z.string().nullable(), createdAt: z.number().int() })),
  receipts: z.array(z.object({
    status: z.number().int(), detail: z.number().int(), counter: z.number().int(), logSeq: z.number().int(), boxTime: z.number().int(),
    outcome: z.enum(['applied', 'repeat', 'late']), receivedAt: z.number().int(),
  })),
  refunds: z.array(z.object({
    id: z.string(), amountMinor: z.number().int(), state: RefundState, reason: z.string(), failureCode: z.string().nullable(), createdAt: z.number().int(), updatedAt: z.number().int(),
  })),
  audit: AuditProof,
});

export const RefundBody = z.strictObject({
  amountMinor: z.number().int().positive().max(0xffffffff).optional().describe('minor units; absent refunds everything that remains'),
  reason: z.string().trim().min(1).max(500),
  clientRefundId: z.string().regex(/^[\x21-\x7e]{1,255}$/).optional().describe('an idempotency key in the body, for clients that cannot set Idempotency-Key'),
});

export const RefundAnswer = z.object({
  refund: z.object({ id: z.string(), amountMinor: z.number().int(), state: RefundState }),
  transaction: TransactionRow,
  replayed: z.boolean().describe('the key named a refund made earlier; nothing new was paid'),
});
