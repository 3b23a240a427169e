// Commands the cloud owes a box (CONFIG, KEY_ROTATION, CLOCK), carried by any wallet connected to it: the session's
// AUTH carries RIGHT.MANAGE while commands are open, the wallet asks for the box's IV, gets the next command sealed
// for it, writes it, and posts the box's RECEIPT back. The wallet never sees a key and cannot alter a command.
import { Hono } from 'hono';
import { z } from 'zod';
import { toHex } from '../../../shared/bytes/hex.ts';
import type { Kek } from '../../crypto/kek.ts';
import type { Db } from '../../db/open.ts';
import { ApiError, type ApiErrorStatus } from '../../errors/api-error.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import type { WalletEnv } from '../../middleware/wallet-signature/index.ts';
import type { ErrorDescription, OperationDescription } from '../../openapi/types.ts';
import { applyCommandReceipt, sealNextCommand } from '../../services/box-commands/index.ts';
import { ivFrom } from '../../services/payments/index.ts';
import { bytesField } from './bytes.ts';
import { parseBody } from './validate.ts';

export const CommandIvBody = z.strictObject({ iv: bytesField(64).describe('the box\'s IV message, or the bare 16-byte IV') });
export const CommandReceiptBody = z.strictObject({ receipt: bytesField(128).describe('the box\'s RECEIPT message') });

const ERRORS: Record<string, [ApiErrorStatus, string?]> = {
  session_not_found: [404, 'sessionId'], command_not_found: [404, 'commandId'], session_expired: [409, 'sessionId'],
  session_not_permitted: [409, 'sessionId'], command_not_sealed: [409, 'commandId'], iv_invalid: [400, 'iv'],
  receipt_invalid: [400, 'receipt'], receipt_mac_invalid: [400, 'receipt'], receipt_box_mismatch: [409, 'receipt'],
  receipt_txn_mismatch: [409, 'receipt'], box_key_not_found: [409],
};

function forWallet<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const mapped = err instanceof CloudError ? ERRORS[err.code] : undefined;
    if (!mapped || !(err instanceof CloudError)) throw err;
    throw new ApiError({ status: mapped[0], type: 'invalid_request_error', code: err.code, message: err.message, ...(mapped[1] ? { param: mapped[1] } : {}) });
  }
}

export interface SessionCommandRoutesOptions {
  db: Db;
  kek: Kek;
  now: () => number;
}

/** Mounted under /v1/wallet/sessions. */
export const sessionCommandRoutes = ({ db, kek, now }: SessionCommandRoutesOptions) =>
  new Hono<WalletEnv>()
    .post('/:id/commands', (c) => {
      const body = parseBody(CommandIvBody, c.get('body'));
      const sealed = forWallet(() => sealNextCommand(db, kek, { wallet: c.get('wallet'), sessionId: c.req.param('id'), iv: ivFrom(body.iv), now: now() }));
      if (!sealed) return c.json({ command: null }, 200);
      return c.json({
        command: { id: sealed.commandId, kind: sealed.kind, telegram: toHex(sealed.telegram), txnId: sealed.txnId, expiresAt: sealed.expiresAt * 1000 },
      }, 201);
    })
    .post('/:id/commands/:commandId/receipt', (c) => {
      const body = parseBody(CommandReceiptBody, c.get('body'));
      const outcome = forWallet(() => applyCommandReceipt(db, kek, {
        wallet: c.get('wallet'), sessionId: c.req.param('id'), commandId: c.req.param('commandId'), receipt: body.receipt, now: now(),
      }));
      return c.json({ command: { id: outcome.commandId, kind: outcome.kind, state: outcome.state, status: outcome.status, detail: outcome.detail } });
    });

const KIND = z.enum(['config', 'key_rotation', 'clock']);
const err = (status: number, code: string, description: string): ErrorDescription => ({ status, code, description });
const SESSION_ERRORS = [
  err(404, 'session_not_found', 'no session with this id for this wallet app'), err(409, 'session_expired', 'the ticket has expired; open a new session'),
];

export const operations: OperationDescription[] = [{
  method: 'post', path: '/v1/wallet/sessions/:id/commands', operationId: 'sealBoxCommand', tag: 'wallet', security: 'wallet',
  summary: 'The next command the cloud owes this box, sealed for the IV the box just handed out',
  description: 'Ask when the session\'s `rights` include 8 (MANAGE): the cloud has commands for the box. Write `telegram` to the box, '
    + 'then post its RECEIPT to `/commands/{commandId}/receipt`. Repeat until `command` is null. A command whose receipt was lost is '
    + 'sealed again with the same txnId, and the box answers DUPLICATE instead of applying it twice.',
  params: { id: z.string().describe('the session id') },
  body: { name: 'CommandIvRequest', schema: CommandIvBody },
  responses: {
    201: {
      description: 'write `telegram` to the box', body: {
        name: 'SealedCommand', schema: z.object({
          command: z.object({
            id: z.string(), kind: KIND, telegram: z.string().describe('the TELEGRAM, hex'), txnId: z.string().describe('16 hex digits'),
            expiresAt: z.number().int().describe('the box refuses the telegram from, ms since the epoch'),
          }),
        }),
      },
    },
    200: { description: 'nothing is owed to this box', body: { name: 'NoCommand', schema: z.object({ command: z.null() }) } },
  },
  errors: [...SESSION_ERRORS, err(409, 'session_not_permitted', 'the session was opened before the command was queued; open a new one'), err(400, 'iv_invalid', 'not an IV message nor a 16-byte IV')],
}, {
  method: 'post', path: '/v1/wallet/sessions/:id/commands/:commandId/receipt', operationId: 'postCommandReceipt', tag: 'wallet', security: 'wallet',
  summary: 'The box\'s RECEIPT for a command: applied, failed, or (box busy) queued again',
  params: { id: z.string().describe('the session id'), commandId: z.string() },
  body: { name: 'CommandReceiptRequest', schema: CommandReceiptBody },
  responses: {
    200: {
      description: 'the command\'s state after the receipt', body: {
        name: 'CommandReceiptAnswer', schema: z.object({
          command: z.object({
            id: z.string(), kind: KIND, state: z.enum(['pending', 'delivered', 'applied', 'failed', 'superseded']),
            status: z.string().describe('the box\'s RECEIPT status, lower case (a DUPLICATE carries the original one)'), detail: z.number().int(),
          }),
        }),
      },
    },
  },
  errors: [
    err(404, 'session_not_found', 'no session with this id for this wallet app'), err(404, 'command_not_found', 'no such command for the session\'s box'),
    err(409, 'command_not_sealed', 'the command was never sealed'), err(400, 'receipt_invalid', 'not a RECEIPT message'),
    err(400, 'receipt_mac_invalid', 'the MAC does not verify'), err(409, 'receipt_box_mismatch', 'from another box'),
    err(409, 'receipt_txn_mismatch', 'for another transaction'),
  ],
}];
