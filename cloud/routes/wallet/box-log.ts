import { Hono } from 'hono';
import { z } from 'zod';
import { LOG_RECORD_SIZE } from '../../../shared/protocol/constants.ts';
import type { Kek } from '../../crypto/kek.ts';
import type { Db } from '../../db/open.ts';
import { ApiError } from '../../errors/api-error.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import type { WalletEnv } from '../../middleware/wallet-signature/index.ts';
import { recordsOfMessage, uploadBoxLog } from '../../services/box-log/index.ts';
import { bytesField } from './bytes.ts';
import { forWallet } from './errors.ts';
import { BOX_ID, notFound, parseBody } from './validate.ts';
import type { OperationDescription } from '../../openapi/types.ts';
import { BOX_LOG_UPLOAD } from './responses.ts';

/** Records per upload: a POS reading a box's whole ring log sends it in a few requests. */
const MAX_RECORDS = 100;

export const BoxLogBody = z.union([
  z.strictObject({ message: bytesField(3 + 255 * LOG_RECORD_SIZE) }),
  z.strictObject({ records: z.array(bytesField(64)).min(1).max(MAX_RECORDS) }),
]);

export interface BoxLogRoutesOptions {
  db: Db;
  kek: Kek;
  now: () => number;
}

function records(body: z.infer<typeof BoxLogBody>): Uint8Array[] {
  if ('records' in body) return body.records;
  try {
    return recordsOfMessage(body.message);
  } catch (err) {
    if (err instanceof CloudError) throw new ApiError({ status: 400, type: 'invalid_request_error', code: err.code, message: err.message, param: 'message' });
    throw err;
  }
}

/**
 * POST /v1/wallet/boxes/:boxId/log: the box's log records as a POS or wallet read them. Any signed app may relay
 * them: the box's MAC, not the relay, makes a record authentic. 200 with one outcome per record.
 */
export const boxLogRoutes = ({ db, kek, now }: BoxLogRoutesOptions) =>
  new Hono<WalletEnv>().post('/:boxId/log', (c) => {
    const boxId = c.req.param('boxId');
    if (!BOX_ID.test(boxId)) throw notFound('box_not_found', 'no box with this id', 'boxId');
    const list = records(parseBody(BoxLogBody, c.get('body')));
    if (list.length > MAX_RECORDS) {
      throw new ApiError({ status: 400, type: 'invalid_request_error', code: 'parameter_invalid', message: `at most ${MAX_RECORDS} records per upload`, param: 'message' });
    }
    const nonce = c.get('nonce');
    const results = forWallet(() => db.transaction((tx) => {
      nonce.record(tx);
      return uploadBoxLog(tx, kek, boxId.toLowerCase(), list, `wallet:${c.get('wallet').id}`, now());
    }));
    const count = (status: string) => results.filter((r) => r.status === status).length;
    return c.json({ boxId: boxId.toLowerCase(), stored: count('stored'), duplicates: count('duplicate'), rejected: count('rejected'), results });
  });

export const operations: OperationDescription[] = [{
  method: 'post', path: '/v1/wallet/boxes/:boxId/log', operationId: 'uploadBoxLog', tag: 'wallet', security: 'wallet',
  params: { boxId: z.string().regex(BOX_ID) },
  summary: 'The box\'s log records as a POS or wallet read them (a LOG_RECORDS message or single records); each record\'s MAC is checked',
  body: { name: 'BoxLogRequest', schema: BoxLogBody },
  responses: { 200: { description: 'one outcome per record', body: BOX_LOG_UPLOAD } },
  errors: [
    { status: 404, code: 'box_not_found', description: 'no box with this id' },
    { status: 400, code: 'log_message_invalid', description: '`message` is not a LOG_RECORDS message' },
  ],
}];
