import { Hono } from 'hono';
import { z } from 'zod';
import { EmvError, decode, findBoxId } from '../../../shared/emv/index.ts';
import type { Kek } from '../../crypto/kek.ts';
import type { Db } from '../../db/open.ts';
import { ApiError } from '../../errors/api-error.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import type { WalletEnv } from '../../middleware/wallet-signature/index.ts';
import { advertisingIndexFor, findAdvertisedBox, type Advertised } from '../../services/advertising/index.ts';
import { verifyMerchantQr } from '../../services/merchant-qr-keys/index.ts';
import { describeBox } from '../../services/resolve/index.ts';
import { bytesField } from './bytes.ts';
import { BOX_ID, notFound, parseBody } from './validate.ts';
import type { OperationDescription } from '../../openapi/types.ts';
import { RESOLVE_ANSWER } from './responses.ts';

export const ResolveBody = z.union([
  z.strictObject({ qr: z.string().min(1).max(512) }),
  z.strictObject({ boxId: z.string().regex(BOX_ID, 'must be 16 hex digits') }),
  z.strictObject({ advertisingId: z.string().regex(BOX_ID, 'must be 16 hex digits') }),
  z.strictObject({ advertising: bytesField(12) }),
]);

export interface ResolveRoutesOptions {
  db: Db;
  kek: Kek;
}

/** The box behind a rotating advertising id, or the 400/404 the wallet caused. */
function advertisedBoxId(db: Db, kek: Kek, advertised: Advertised): string {
  const param = 'advertisingId' in advertised ? 'advertisingId' : 'advertising';
  try {
    return findAdvertisedBox(advertisingIndexFor(db, kek), advertised).boxId;
  } catch (err) {
    if (!(err instanceof CloudError)) throw err;
    if (err.code === 'advertising_invalid') throw new ApiError({ status: 400, type: 'invalid_request_error', code: err.code, message: err.message, param });
    if (err.code === 'advertising_id_unknown') throw notFound(err.code, err.message, param);
    throw err;
  }
}

function qrError(message: string): ApiError {
  return new ApiError({ status: 400, type: 'invalid_request_error', code: 'qr_invalid', message, param: 'qr' });
}

/**
 * POST /v1/wallet/resolve with `{qr}` (a scanned EMV payload), `{boxId}`, or what a BLE scan saw: `{advertisingId}`
 * or `{advertising}` (the manufacturer data). A QR is decoded leniently (stickers
 * in the field carry other schemes' templates); a WayGo signature template in it is verified, and a sticker whose
 * signature fails or names another merchant than the box's is answered with `qr.counterfeit: true`.
 */
export const resolveRoutes = ({ db, kek }: ResolveRoutesOptions) =>
  new Hono<WalletEnv>().post('/', (c) => {
    const body = parseBody(ResolveBody, c.get('body'));
    if ('advertisingId' in body || 'advertising' in body) {
      const found = describeBox(db, advertisedBoxId(db, kek, body));
      if (!found) throw notFound('advertising_id_unknown', 'no box advertises this id now');
      return c.json(found);
    }
    if ('boxId' in body) {
      const found = describeBox(db, body.boxId.toLowerCase());
      if (!found) throw notFound('box_not_found', 'no box with this id', 'boxId');
      return c.json(found);
    }
    let boxId: string | undefined;
    let verdict;
    try {
      boxId = findBoxId(decode(body.qr));
      verdict = verifyMerchantQr(db, kek, body.qr);
    } catch (err) {
      if (err instanceof EmvError) throw qrError(`the QR payload is not a valid EMV code: ${err.message}`);
      throw err;
    }
    if (boxId === undefined || !BOX_ID.test(boxId)) {
      throw new ApiError({ status: 422, type: 'invalid_request_error', code: 'qr_not_waygo', message: 'the QR code names no WayGo box', param: 'qr' });
    }
    const found = describeBox(db, boxId.toLowerCase());
    if (!found) throw notFound('box_not_found', 'the QR code names a box that does not exist', 'qr');
    const counterfeit = verdict.signature === 'invalid' || (verdict.signature === 'verified' && verdict.merchantId !== found.merchant.id);
    return c.json({ ...found, qr: { signature: counterfeit ? 'invalid' : verdict.signature, counterfeit } });
  });

export const operations: OperationDescription[] = [{
  method: 'post', path: '/v1/wallet/resolve', operationId: 'resolve', tag: 'wallet', security: 'wallet',
  summary: 'What was scanned or found: an EMV QR payload, a box id or a rotating advertising id → merchant, store, merchandise, prices, BLE hints',
  description: 'A QR carrying a WayGo signature template is verified; `qr.counterfeit` is true when it does not verify or names another merchant.',
  body: { name: 'ResolveRequest', schema: ResolveBody },
  responses: { 200: { description: 'the box; with `qr` when a QR was resolved', body: RESOLVE_ANSWER } },
  errors: [
    { status: 400, code: 'qr_invalid', description: 'not an EMV payload, or its CRC is wrong' },
    { status: 422, code: 'qr_not_waygo', description: 'the code names no WayGo box' },
    { status: 404, code: 'box_not_found', description: 'no box with this id' },
    { status: 400, code: 'advertising_invalid', description: 'the manufacturer data is not a WayGo advertisement' },
    { status: 404, code: 'advertising_id_unknown', description: 'no box advertises this id in the current window or one either side' },
  ],
}];
