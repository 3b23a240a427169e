import { Hono } from 'hono';
import { ApiError } from '../../../errors/api-error.ts';
import { acceptsText } from '../../../middleware/json-body/index.ts';
import { requirePermission } from '../../../middleware/operator-auth/index.ts';
import {
  activateBox, boxSticker, configureBox, getBox, importShipments, listBoxes, provisionBox, queueClock, rotateKeys, setBoxStatus, stickerPng, stickerSvg,
} from '../../../services/box-admin/index.ts';
import type { AppEnv } from '../../../types.ts';
import { parseBody } from '../../wallet/validate.ts';
import type { OperatorDeps } from '../deps.ts';
import { forOperator, type ErrorMapping } from '../errors.ts';
import { parseQuery } from '../query.ts';
import { ActivateBody, ConfigBody, ImportBody, LIST_QUERY, ProvisionBody, STICKER_QUERY, StatusBody } from './schemas.ts';

export { operations } from './operations.ts';

/** The box services' codes; any `<thing>_not_found` is a 404 already. */
export const BOX_ERRORS: ErrorMapping = {
  config_invalid: [422, 'invalid_request_error', 'config'], currency_unsupported: [422, 'invalid_request_error', 'currency'],
  box_already_activated: [409], box_not_shipped: [409], box_blocked: [409], box_retired: [409], box_board_unknown: [409],
  box_already_provisioned: [409, 'invalid_request_error', 'rotate'], master_secret_invalid: [400, 'invalid_request_error', 'masterSecret'],
  box_key_not_found: [409], key_versions_exhausted: [409], store_not_found: [422, 'invalid_request_error', 'storeId'],
};

const NO_STORE = 'no-store';

const run = <T>(fn: () => T | Promise<T>) => forOperator(fn, BOX_ERRORS);

/**
 * `/v1/operator/box-shipments`: the shipping CSV import (its own resource, so it never reads as a box id). The
 * file comes as JSON `{ csv }` or as the `text/csv` body itself, as a script would upload it.
 */
export function shipmentRoutes({ db, now }: OperatorDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/', acceptsText('text/csv'), requirePermission('boxes.manage'), async (c) => {
    const { csv } = parseBody(ImportBody, typeof c.var.body === 'string' ? { csv: c.var.body } : c.var.body);
    const result = await run(() => importShipments(db, c.var.operator, csv, now()));
    if (result.ok) return c.json({ imported: result.imported, created: result.created, updated: result.updated });
    const error = new ApiError({ status: 422, type: 'invalid_request_error', code: 'csv_invalid', message: `the file has ${result.errors.length} error(s); nothing was imported` });
    return c.json({ ...error.toBody(), errors: result.errors }, 422);
  });
}

/** `/v1/operator/boxes`: reading needs boxes.view; every change, and printing a sticker (it may make the merchant's QR key), boxes.manage. */
export function boxRoutes(deps: OperatorDeps): Hono<AppEnv> {
  const { db, now } = deps;
  const view = requirePermission('boxes.view');
  const manage = requirePermission('boxes.manage');
  return new Hono<AppEnv>()
    .get('/', view, async (c) => c.json(await run(() => listBoxes(db, c.var.operator, parseQuery(c, LIST_QUERY)))))
    .get('/:id', view, async (c) => c.json(await run(() => getBox(db, c.var.operator, c.req.param('id')))))
    .put('/:id/config', manage, async (c) => {
      const { currency, ...fields } = parseBody(ConfigBody, c.var.body);
      const numbers = Object.fromEntries(Object.entries(fields).filter((e): e is [string, number] => typeof e[1] === 'number'));
      return c.json(await run(() => configureBox(db, c.var.operator, c.req.param('id'), { currency, fields: numbers }, now())));
    })
    .post('/:id/activate', manage, async (c) => {
      const body = parseBody(ActivateBody, c.var.body);
      return c.json(await run(() => {
        activateBox(db, c.var.operator, c.req.param('id'), body, now());
        return getBox(db, c.var.operator, c.req.param('id'));
      }));
    })
    .post('/:id/status', manage, async (c) => {
      const body = parseBody(StatusBody, c.var.body);
      return c.json(await run(() => {
        setBoxStatus(deps, c.var.operator, c.req.param('id'), { status: body.status, ...(body.reason === undefined ? {} : { reason: body.reason }) }, now());
        return getBox(db, c.var.operator, c.req.param('id'));
      }));
    })
    .post('/:id/provision', manage, async (c) => {
      const body = parseBody(ProvisionBody, c.var.body);
      const masterSecret = body.masterSecret === undefined ? undefined : new Uint8Array(Buffer.from(body.masterSecret.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
      const bundle = await run(() => provisionBox(deps, c.var.operator, c.req.param('id'), {
        ...(masterSecret ? { masterSecret } : {}), ...(body.rotate === undefined ? {} : { rotate: body.rotate }),
      }, now()));
      masterSecret?.fill(0);
      // The bundle holds the box's keys: answered once, never cached on the way.
      c.header('Cache-Control', NO_STORE);
      return c.json(bundle, 201);
    })
    .post('/:id/rotate-keys', manage, async (c) => c.json(await run(() => rotateKeys(deps, c.var.operator, c.req.param('id'), now())), 202))
    .post('/:id/clock', manage, async (c) => c.json(await run(() => queueClock(db, c.var.operator, c.req.param('id'), now())), 202))
    .get('/:id/sticker.svg', manage, async (c) => {
      const sticker = await run(() => boxSticker(deps, c.var.operator, c.req.param('id'), parseQuery(c, STICKER_QUERY), now()));
      return c.body(stickerSvg(sticker), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
    })
    .get('/:id/sticker.png', manage, async (c) => {
      const sticker = await run(() => boxSticker(deps, c.var.operator, c.req.param('id'), parseQuery(c, STICKER_QUERY), now()));
      return c.body(new Uint8Array(await stickerPng(sticker)), 200, { 'Content-Type': 'image/png' });
    });
}
