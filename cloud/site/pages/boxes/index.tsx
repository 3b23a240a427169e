import { Hono, type Context } from 'hono';
import { activateBox, boxSticker, configureBox, CONFIG_FIELDS, provisionBox, queueClock, rotateKeys, setBoxStatus, SETTABLE_STATUSES, stickerPng, stickerSvg } from '../../../services/box-admin/index.ts';
import { CloudError } from '../../../errors/cloud-error.ts';
import { sitePage, type SiteContext, type SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { pathParam, postedForm, serviceError, type PostedForm } from '../../forms.ts';
import { boxDetailPage, type BoxSection } from './detail.tsx';
import { importPage, runImport } from './import.tsx';
import { boxListPage } from './list.tsx';

const toInt = (text: string) => (text === '' ? 0 : Number(text));

/**
 * Runs one box action from a form: success goes back to the box page with a message (post/redirect/get), a
 * service's refusal shows the page again with the error next to the form that caused it.
 */
function boxAction(deps: SiteDeps, section: BoxSection, act: (c: Context<SiteEnv>, ctx: SiteContext, id: string, form: PostedForm) => void, fieldOf: Record<string, string> = {}) {
  return sitePage('boxes.manage', async (c, ctx) => {
    const id = pathParam(c, 'id');
    const form = await postedForm(c);
    try {
      act(c, ctx, id, form);
    } catch (err) {
      // Another tenant's box or no box at all: the not-found page, like any other page for it.
      if (err instanceof CloudError && err.code === 'box_not_found') throw err;
      const errors = serviceError(err, fieldOf);
      c.status(422);
      const values = Object.fromEntries(['scenario', 'currency', 'storeId', 'machineName', ...CONFIG_FIELDS.map((f) => f.name)].map((k) => [k, form.text(k)]));
      return boxDetailPage(deps, ctx, id, { section, errors, values });
    }
    return c.redirect(`/admin/boxes/${id}?done=${section}#${section}`, 303);
  });
}

/** Device management: the box list, one box's page with its forms, stickers, provisioning and the shipping import. */
export function boxPages(deps: SiteDeps): Hono<SiteEnv> {
  const { db, kek, now } = deps;
  const app = new Hono<SiteEnv>();
  app.get('/', sitePage('boxes.view', (c, ctx) => boxListPage(deps, c, ctx)));

  app.get('/import', sitePage('boxes.manage', (_c, ctx) => importPage(ctx)));
  app.post('/import', sitePage('boxes.manage', async (c, ctx) => {
    const result = await runImport(deps, ctx, await postedForm(c));
    if (result.ok) return c.redirect(`/admin/boxes?done=${result.imported}`, 303);
    c.status(422);
    return result.page;
  }));

  app.get('/:id', sitePage('boxes.view', (c, ctx) => {
    const done = c.req.query('done');
    return boxDetailPage(deps, ctx, pathParam(c, 'id'), done ? { done } : {});
  }));

  app.post('/:id/config', boxAction(deps, 'config', (_c, ctx, id, form) => {
    const fields = Object.fromEntries(CONFIG_FIELDS.map((f) => [f.name, toInt(form.text(f.name))]));
    configureBox(db, ctx.principal, id, { currency: form.text('currency'), fields }, now());
  }, { currency_unsupported: 'currency' }));

  app.post('/:id/activate', boxAction(deps, 'activate', (_c, ctx, id, form) => {
    activateBox(db, ctx.principal, id, { storeId: form.text('storeId'), machineName: form.text('machineName'), scenario: toInt(form.text('scenario')) }, now());
  }, { store_not_found: 'storeId' }));

  app.post('/:id/status', boxAction(deps, 'status', (_c, ctx, id, form) => {
    const status = SETTABLE_STATUSES.find((s) => s === form.text('status')) ?? 'blocked';
    const reason = form.text('reason');
    setBoxStatus({ db, kek }, ctx.principal, id, { status, ...(reason ? { reason } : {}) }, now());
  }));

  app.post('/:id/rotate', boxAction(deps, 'keys', (_c, ctx, id) => {
    rotateKeys({ db, kek }, ctx.principal, id, now());
  }));

  app.post('/:id/clock', boxAction(deps, 'clock', (_c, ctx, id) => {
    queueClock(db, ctx.principal, id, now());
  }));

  // The bundle holds the box's key file: it is answered once, as a download no cache keeps, and never shown.
  app.post('/:id/provision', sitePage('boxes.manage', async (c, ctx) => {
    const id = pathParam(c, 'id');
    const form = await postedForm(c);
    const bundle = provisionBox({ db, kek }, ctx.principal, id, { rotate: form.text('rotate') === '1' }, now());
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', `attachment; filename="waygo-${bundle.boxId}-v${bundle.keyVersion}.json"`);
    return c.json(bundle);
  }));

  app.get('/:id/sticker.svg', sitePage('boxes.view', (c, ctx) => {
    const sticker = boxSticker({ db, kek }, ctx.principal, pathParam(c, 'id'), {}, now());
    c.header('Content-Type', 'image/svg+xml; charset=utf-8');
    return c.body(stickerSvg(sticker));
  }));
  app.get('/:id/sticker.png', sitePage('boxes.view', async (c, ctx) => {
    const sticker = boxSticker({ db, kek }, ctx.principal, pathParam(c, 'id'), {}, now());
    c.header('Content-Type', 'image/png');
    return c.body(new Uint8Array(await stickerPng(sticker)));
  }));
  return app;
}
