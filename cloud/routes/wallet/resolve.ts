import { Hono } from 'hono';
import { z } from 'zod';
import { EmvError, decode, findBoxId } from '../../../shared/emv/index.ts';
import type { Kek } from '../../crypto/kek.ts';
import type { Db } from '../../db/open.ts';
import { ApiError } from '../../errors/api-error.ts';
import type { WalletEnv } from '../../middleware/wallet-signature/index.ts';
import { verifyMerchantQr } from '../../services/merchant-qr-keys/index.ts';
import { describeBox } from '../../services/resolve/index.ts';
import { BOX_ID, notFound, parseBody } from './validate.ts';

const ResolveBody = z.union([
  z.strictObject({ qr: z.string().min(1).max(512) }),
  z.strictObject({ boxId: z.string().regex(BOX_ID, 'must be 16 hex digits') }),
]);

export interface ResolveRoutesOptions {
  db: Db;
  kek: Kek;
}

function qrError(message: string): ApiError {
  return new ApiError({ status: 400, type: 'invalid_request_error', code: 'qr_invalid', message, param: 'qr' });
}

/**
 * POST /v1/wallet/resolve with `{qr}` (a scanned EMV payload) or `{boxId}`. A QR is decoded leniently (stickers
 * in the field carry other schemes' templates); a WayGo signature template in it is verified, and a sticker whose
 * signature fails or names another merchant than the box's is answered with `qr.counterfeit: true`.
 */
export const resolveRoutes = ({ db, kek }: ResolveRoutesOptions) =>
  new Hono<WalletEnv>().post('/', (c) => {
    const body = parseBody(ResolveBody, c.get('body'));
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
